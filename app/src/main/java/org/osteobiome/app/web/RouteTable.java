package org.osteobiome.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osteobiome.app.web.auth.Authenticator;
import org.osteobiome.app.web.auth.Principal;

/**
 * Registers routes with the checks every route of a kind gets: a signed-in principal (pages send a browser without one
 * to the sign-in page, the API answers 401) and, for a state-changing method, the session's CSRF token. Each route is
 * listed, so the OpenAPI description and the permission tests can be held to the whole table.
 */
public final class RouteTable {
    /** A handler that runs for a signed-in principal. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, Principal p) throws Exception;
    }

    private final JavalinDefaultRoutingApi router;
    private final List<WebServer.Route> routes;
    private final Function<Context, Optional<Principal>> principal;

    RouteTable(JavalinDefaultRoutingApi router, List<WebServer.Route> routes, Function<Context, Optional<Principal>> principal) {
        this.router = router;
        this.routes = routes;
        this.principal = principal;
    }

    /** A page route that needs no sign-in (the sign-in page itself). */
    public void open(HandlerType method, String path, io.javalin.http.Handler handler) {
        routes.add(new WebServer.Route(method.name().toUpperCase(java.util.Locale.ROOT), path, path.startsWith("/api/"), true));
        add(method, path, handler);
    }

    /** A page or API route for a signed-in principal; CSRF-checked when it changes state. */
    public void signedIn(HandlerType method, String path, Handler handler) {
        boolean api = path.startsWith("/api/");
        routes.add(new WebServer.Route(method.name().toUpperCase(java.util.Locale.ROOT), path, api, false));
        add(method, path, ctx -> {
            Optional<Principal> p = principal.apply(ctx);
            if (p.isEmpty()) {
                if (!api && method.equals(HandlerType.GET)) {
                    ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8));
                    return;
                }
                throw new HttpError(401, api ? "this call needs an API token: send 'Authorization: Bearer TOKEN'"
                        : "your session has ended; sign in again");
            }
            if (api && !p.get().viaToken() && WebServer.changesState(method) && ctx.header("X-CSRF-Token") == null) {
                throw new HttpError(403, "API calls from a browser session need the X-CSRF-Token header; scripts use a token");
            }
            if (WebServer.changesState(method)) {
                Authenticator.requireCsrf(ctx, p.get());
            }
            handler.handle(ctx, p.get());
        });
    }

    private void add(HandlerType method, String path, io.javalin.http.Handler handler) {
        if (method.equals(HandlerType.GET)) {
            router.get(path, handler);
        } else if (method.equals(HandlerType.POST)) {
            router.post(path, handler);
        } else if (method.equals(HandlerType.DELETE)) {
            router.delete(path, handler);
        } else {
            throw new IllegalArgumentException("unsupported method " + method);
        }
    }
}
