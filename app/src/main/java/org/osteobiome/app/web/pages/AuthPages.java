package org.osteobiome.app.web.pages;

import io.javalin.http.HandlerType;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.RouteTable;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Authenticator;

/** Sign in and sign out. */
public final class AuthPages {
    private AuthPages() {
    }

    public static void register(RouteTable routes, Services services) {
        routes.open(HandlerType.GET, "/login", ctx -> ctx.html(form(services.auth().loginNonce(ctx), safeNext(ctx.queryParam("next")), null)));
        routes.open(HandlerType.POST, "/login", ctx -> {
            Authenticator.requireLoginNonce(ctx);
            String next = safeNext(ctx.formParam("next"));
            try {
                services.auth().login(ctx, ctx.formParam("email"), ctx.formParam("password"));
            } catch (HttpError e) {
                ctx.status(e.status());
                ctx.html(form(services.auth().loginNonce(ctx), next, e.getMessage()));
                return;
            }
            ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.POST, "/logout", (ctx, p) -> {
            services.auth().logout(ctx, p);
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    /** Only a path on this server may follow sign-in (no open redirect). */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }

    private static String form(String nonce, String next, String error) {
        return Html.page("Sign in", null, "<section class=\"narrow\"><h1>Sign in</h1>" + Html.notice("error", error)
                + "<form method=\"post\" action=\"/login\" id=\"login\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + Html.esc(nonce) + "\">"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.esc(next) + "\">"
                + "<label>Email <input type=\"email\" name=\"email\" required autocomplete=\"username\"></label>"
                + "<label>Password <input type=\"password\" name=\"password\" required autocomplete=\"current-password\"></label>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">Accounts are created by a site administrator. Research software: not a diagnostic device.</p>"
                + "</section>");
    }
}
