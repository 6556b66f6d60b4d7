package org.osteobiome.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osteobiome.app.web.auth.Authenticator;
import org.osteobiome.app.web.auth.LoginThrottle;
import org.osteobiome.app.web.auth.Passwords;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.pages.AccountPages;
import org.osteobiome.app.web.pages.AuthPages;
import org.osteobiome.app.web.pages.Html;
import org.osteobiome.app.web.pages.ProjectPages;
import org.osteobiome.app.web.store.Database;
import org.osteobiome.core.OsteobiomeException;

/**
 * The web application: server-rendered pages and a JSON API over one service layer, on Javalin. Every response carries
 * a Content-Security-Policy without inline scripts, {@code X-Content-Type-Options: nosniff} and {@code frame-ancestors
 * 'none'}; every route but sign-in and the static assets needs a session or an API token; every state-changing route
 * checks the CSRF token of a session.
 */
public final class WebServer implements AutoCloseable {
    /** One registered route, listed for the OpenAPI description and the tests that walk every route. */
    public record Route(String method, String path, boolean api, boolean open) {
    }

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Database db;
    private final Authenticator auth;
    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();
    private final WebSettings settings;
    private final Services services;

    private WebServer(WebSettings settings, Database db, Clock clock) {
        this.settings = settings;
        this.db = db;
        this.auth = new Authenticator(db, settings, new Passwords(settings.bcryptCost()), new LoginThrottle(5, Duration.ofMinutes(15),
                clock), clock);
        this.services = new Services(db, auth, settings);
        services.jobs(new org.osteobiome.app.web.jobs.JobQueue(services, settings.jobThreads(), List.of(new org.osteobiome.app.web.jobs.VpopJob(),
                new org.osteobiome.app.web.jobs.SensitivityJob(), new org.osteobiome.app.web.jobs.FitJob(),
                new org.osteobiome.app.web.jobs.DifferentialAbundanceJob(), new org.osteobiome.app.web.jobs.MapBuildJob())));
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxUploadBytes();
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.directory = "/org/osteobiome/app/web/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                // pages and data carry health data: never cached (the static files set their own, public caching)
                ctx.header("Cache-Control", "no-store");
            });
            RouteTable table = new RouteTable(config.routes, routes, this::principal);
            AuthPages.register(table, services);
            ProjectPages.register(table, services);
            org.osteobiome.app.web.pages.CohortPages.register(table, services);
            org.osteobiome.app.web.pages.JobPages.register(table, services);
            org.osteobiome.app.web.pages.MapPages.register(table, services);
            AccountPages.register(table, services);
            ApiRoutes.register(table, services);
            config.routes.exception(HttpError.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage()));
            config.routes.exception(OsteobiomeException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("osteobiome serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                respond(ctx, 500, "something went wrong on the server; nothing was stored. The server log has the details.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Endpoint " + ctx.method() + " " + ctx.path()
                        + " not found")) {
                    respond(ctx, 404, "no such page: " + ctx.path());
                }
            });
        });
    }

    /**
     * Opens the database (migrating it) and creates the server; jobs a stopped server left running are marked interrupted
     * and queued ones are queued again. {@link #start()} listens.
     */
    public static WebServer create(WebSettings settings, Clock clock) {
        String url = settings.dbUrl() != null ? settings.dbUrl() : Database.defaultUrl(settings.dataDir());
        Database db = Database.open(url, settings.dbUser(), settings.dbPassword());
        WebServer server = new WebServer(settings, db, clock);
        int interrupted = server.services.jobs().recover();
        if (interrupted > 0) {
            System.err.println("osteobiome serve: " + interrupted + " job(s) were running when the server last stopped; marked interrupted");
        }
        return server;
    }

    public WebServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public Services services() {
        return services;
    }

    public Database database() {
        return db;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public WebSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        app.stop();
        services.close();
        db.close();
    }

    private Optional<Principal> principal(Context ctx) {
        Optional<Principal> cached = Optional.ofNullable(ctx.attribute("principal"));
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Principal> p = auth.authenticate(ctx);
        p.ifPresent(v -> ctx.attribute("principal", v));
        return p;
    }

    /** A refusal as JSON for the API, as a page for a browser. */
    static void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(java.util.Map.of("error", message, "status", status));
        } else {
            Principal p = ctx.attribute("principal");
            String back = status == 401 ? "<p><a href=\"/login\">Sign in</a></p>" : "<p><a href=\"/\">Back to your projects</a></p>";
            ctx.html(Html.page("Error " + status, p, "<h1>" + (status == 404 ? "Not found" : status == 403 ? "Not allowed"
                    : status == 401 ? "Please sign in" : status == 429 ? "Too many attempts" : status >= 500 ? "Server error"
                    : "Cannot do that") + "</h1>" + Html.notice("error", message) + back));
        }
    }

    static boolean changesState(HandlerType method) {
        return method.equals(HandlerType.POST) || method.equals(HandlerType.PUT) || method.equals(HandlerType.PATCH) || method.equals(HandlerType.DELETE);
    }
}
