package org.osteobiome.app.web;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server runs.
 *
 * @param host           address to listen on (127.0.0.1 unless the operator opens it)
 * @param port           port (0: any free one)
 * @param dataDir        folder of the default H2 database
 * @param dbUrl          JDBC URL (null: H2 under {@code dataDir})
 * @param dbUser         database user (null: none)
 * @param dbPassword     database password (null: none)
 * @param secureCookies  mark cookies Secure (behind TLS; see docs/operations.md)
 * @param bcryptCost     bcrypt work factor for new password hashes
 * @param idleTimeout    a session ends after this long without a request
 * @param absoluteTimeout and this long after login whatever happens
 * @param maxUploadBytes largest request body accepted
 * @param jobThreads     simulations and analyses running at once
 */
public record WebSettings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, boolean secureCookies,
                          int bcryptCost, Duration idleTimeout, Duration absoluteTimeout, long maxUploadBytes, int jobThreads) {

    public static WebSettings defaults(Path dataDir) {
        return new WebSettings("127.0.0.1", 7070, dataDir, null, null, null, false, 12, Duration.ofMinutes(30), Duration.ofHours(12),
                64L << 20, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    public WebSettings withPort(int p) {
        return new WebSettings(host, p, dataDir, dbUrl, dbUser, dbPassword, secureCookies, bcryptCost, idleTimeout, absoluteTimeout,
                maxUploadBytes, jobThreads);
    }

    public WebSettings withDatabase(String url, String user, String password) {
        return new WebSettings(host, port, dataDir, url, user, password, secureCookies, bcryptCost, idleTimeout, absoluteTimeout,
                maxUploadBytes, jobThreads);
    }

    public WebSettings withHost(String h) {
        return new WebSettings(h, port, dataDir, dbUrl, dbUser, dbPassword, secureCookies, bcryptCost, idleTimeout, absoluteTimeout,
                maxUploadBytes, jobThreads);
    }

    public WebSettings withSecureCookies(boolean secure) {
        return new WebSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, secure, bcryptCost, idleTimeout, absoluteTimeout,
                maxUploadBytes, jobThreads);
    }

    public WebSettings withBcryptCost(int cost) {
        return new WebSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, secureCookies, cost, idleTimeout, absoluteTimeout,
                maxUploadBytes, jobThreads);
    }

    public WebSettings withMaxUpload(long bytes) {
        return new WebSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, secureCookies, bcryptCost, idleTimeout, absoluteTimeout,
                bytes, jobThreads);
    }

    public WebSettings withTimeouts(Duration idle, Duration absolute) {
        return new WebSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, secureCookies, bcryptCost, idle, absolute,
                maxUploadBytes, jobThreads);
    }
}
