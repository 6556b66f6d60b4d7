package org.osteobiome.app.web;

import java.nio.file.Path;

/** The pages in a real browser on H2, the default database. */
class WebBrowserH2Test extends WebBrowserContract {
    @Override
    TestServer server(Path dataDir) {
        return TestServer.h2(dataDir);
    }
}
