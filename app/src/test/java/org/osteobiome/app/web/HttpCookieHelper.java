package org.osteobiome.app.web;

import java.net.HttpCookie;
import java.net.URI;

/** Puts a session cookie value into a test client, as a browser that kept it would send it. */
final class HttpCookieHelper {
    private HttpCookieHelper() {
    }

    static void add(TestClient c, String value) {
        HttpCookie cookie = new HttpCookie("osteobiome_session", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        c.cookies.getCookieStore().add(URI.create(c.base), cookie);
    }
}
