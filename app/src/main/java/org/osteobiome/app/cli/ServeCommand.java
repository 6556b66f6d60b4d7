package org.osteobiome.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.osteobiome.app.web.DemoData;
import org.osteobiome.app.web.WebServer;
import org.osteobiome.app.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome serve}: the web application. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start the web application: accounts and teams, projects, simulations with interactive charts, stored"
                + " results with their provenance, API tokens and an audit log, over H2 (a file under --data, the default) or"
                + " PostgreSQL (--db or OSTEOBIOME_DB_URL, with OSTEOBIOME_DB_USER and OSTEOBIOME_DB_PASSWORD). Stops cleanly on"
                + " SIGTERM or Ctrl-C. See docs/web.md and docs/operations.md."},
        footer = {"", "Examples:", "  osteobiome serve --demo", "  osteobiome serve --port 8080 --db jdbc:postgresql://localhost:5432/osteobiome",
            "", "Research software; not a diagnostic device."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "PORT", description = "port to listen on (default 7070; 0: any free port)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface, behind a TLS proxy)")
    String host;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "database (default: H2 in DATA/osteobiome.mv.db; or jdbc:postgresql://…)")
    String db;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "folder of the default database (default ./data)")
    Path data;

    @Option(names = "--demo", description = "create a demo team, account and projects with stored results, a cohort and a map (once) and"
            + " print the sign-in details")
    boolean demo;

    @Option(names = "--admin", paramLabel = "EMAIL", description = "create this site administrator if she does not exist; her password is"
            + " OSTEOBIOME_ADMIN_PASSWORD, or one generated and printed once")
    String admin;

    @Option(names = "--max-upload", defaultValue = "64", paramLabel = "MIB", description = "largest upload accepted, in MiB (default 64)")
    long maxUploadMib;

    @Option(names = "--secure-cookies", description = "mark cookies Secure: set this behind a TLS proxy")
    boolean secureCookies;

    @Override
    public Integer call() throws Exception {
        String url = db != null ? db : System.getenv("OSTEOBIOME_DB_URL");
        WebSettings settings = WebSettings.defaults(data).withHost(host).withPort(port).withSecureCookies(secureCookies)
                .withMaxUpload(positive(maxUploadMib) << 20)
                .withDatabase(url, System.getenv("OSTEOBIOME_DB_USER"), System.getenv("OSTEOBIOME_DB_PASSWORD"));
        var out = spec.commandLine().getOut();
        WebServer server = WebServer.create(settings, Clock.systemUTC());
        if (admin != null) {
            createAdmin(server, out);
        }
        if (demo) {
            out.println(DemoData.ensure(server.services()) ? "created the demo team, account and projects" : "demo data found");
        }
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "osteobiome-shutdown"));
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        out.println("osteobiome is running at http://" + shown + ":" + server.port() + "/  (database: " + server.database().description()
                + ")");
        if (demo) {
            out.println("sign in as " + DemoData.EMAIL + " with password " + DemoData.PASSWORD);
        }
        out.println("stop with Ctrl-C (or SIGTERM)");
        out.flush();
        stopped.await();
        return 0;
    }

    private void createAdmin(WebServer server, java.io.PrintWriter out) {
        String email = admin.strip().toLowerCase(java.util.Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw org.osteobiome.core.OsteobiomeException.invalid("--admin " + admin + ": give an e-mail address");
        }
        var services = server.services();
        if (services.with(s -> s.userByEmail(email)).isPresent()) {
            out.println("administrator " + email + " exists");
            return;
        }
        String given = System.getenv("OSTEOBIOME_ADMIN_PASSWORD");
        if (given != null && given.length() < 12) {
            throw org.osteobiome.core.OsteobiomeException.invalid("OSTEOBIOME_ADMIN_PASSWORD must have at least 12 characters");
        }
        String password = given != null ? given : org.osteobiome.app.web.auth.Secrets.random().substring(0, 20);
        String hash = services.auth().passwords().hash(password);
        services.with(s -> {
            long id = s.createUser(email, "Administrator", hash, true);
            s.audit(id, null, "create user", "user " + id, email + " (site administrator, serve --admin)");
            return id;
        });
        out.println("created site administrator " + email + (given != null ? " with the password in OSTEOBIOME_ADMIN_PASSWORD"
                : " with password " + password + " (shown once)"));
    }

    private static long positive(long mib) {
        if (mib < 1 || mib > 1 << 20) {
            throw org.osteobiome.core.OsteobiomeException.invalid("--max-upload " + mib + ": give a size in MiB from 1 to 1048576");
        }
        return mib;
    }
}
