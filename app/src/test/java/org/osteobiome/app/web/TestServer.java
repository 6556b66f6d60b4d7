package org.osteobiome.app.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.osteobiome.app.web.store.Store;

/**
 * A server on a free loopback port over a fresh database: an in-memory H2 one, or — when {@code
 * OSTEOBIOME_TEST_POSTGRES_URL} names a PostgreSQL server (as {@code .ci/run} does) and PostgreSQL is asked for — a
 * new database created there and dropped afterwards. bcrypt runs at its lowest cost (4) so that tests sign in fast; uploads are limited to 8 MiB.
 */
final class TestServer implements AutoCloseable {
    /** The PostgreSQL server the tests may use, or null. */
    static final String POSTGRES = System.getenv("OSTEOBIOME_TEST_POSTGRES_URL");

    /** A clock the tests move forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final WebServer server;
    final MovableClock clock = new MovableClock();
    private final String dropDatabase;

    private TestServer(boolean postgres, Path dataDir) {
        String url;
        String drop = null;
        if (postgres) {
            FreshDatabase fresh = freshPostgresDatabase();
            url = fresh.url();
            drop = fresh.dropSql();
        } else {
            url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        this.dropDatabase = drop;
        WebSettings settings = WebSettings.defaults(dataDir).withPort(0).withDatabase(url, null, null).withBcryptCost(4).withMaxUpload(8L << 20);
        this.server = WebServer.create(settings, clock).start();
    }

    /** A new, empty PostgreSQL database on the test cluster, and how to drop it. */
    record FreshDatabase(String url, String dropSql) {
        void drop() {
            execute(POSTGRES, dropSql);
        }
    }

    static FreshDatabase freshPostgresDatabase() {
        String name = "osteobiome_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(POSTGRES, "CREATE DATABASE " + name);
        return new FreshDatabase(POSTGRES.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), "DROP DATABASE " + name + " WITH (FORCE)");
    }

    static TestServer h2(Path dataDir) {
        return new TestServer(false, dataDir);
    }

    static TestServer postgres(Path dataDir) {
        return new TestServer(true, dataDir);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Services services() {
        return server.services();
    }

    /** Creates a user in a team with a role (creating the team when new); returns the user id. */
    long user(String email, String password, String team, Store.Role role, boolean siteAdmin) {
        String hash = services().auth().passwords().hash(password);
        return services().with(s -> {
            long teamId = s.teamByName(team).map(Store.Team::id).orElseGet(() -> {
                try {
                    return s.createTeam(team);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long id = s.createUser(email, email, hash, siteAdmin);
            s.setMembership(id, teamId, role);
            return id;
        });
    }

    long rows(String table) {
        return services().with(s -> s.rows(table));
    }

    @Override
    public void close() {
        server.close();
        if (dropDatabase != null) {
            execute(POSTGRES, dropDatabase);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
