package org.osteobiome.app.web.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.osteobiome.core.OsteobiomeException;

/**
 * The web application's database: a HikariCP pool over H2 (a file under the data folder, the default) or PostgreSQL,
 * migrated by Flyway to the current schema when opened. Work runs in one transaction, committed whole or not at all.
 */
public final class Database implements AutoCloseable {
    /** Work on one connection; its exception rolls the transaction back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String description;

    private Database(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    /** The default database: H2 in {@code DATA_DIR/osteobiome.mv.db}. */
    public static String defaultUrl(Path dataDir) {
        // WRITE_DELAY=0: every commit is on disk before it returns, so a killed server loses no committed row
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("osteobiome") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /**
     * Opens the pool and migrates.
     *
     * @param url      a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
     * @param user     database user (null: none, or the URL's)
     * @param password database password (null: none, or the URL's)
     */
    public static Database open(String url, String user, String password) {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw OsteobiomeException.invalid("--db " + url + ": osteobiome stores its data in H2 (jdbc:h2:…) or PostgreSQL "
                    + "(jdbc:postgresql://host:5432/name)");
        }
        if (url.startsWith("jdbc:h2:file:")) {
            try {
                Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]);
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
            } catch (java.io.IOException e) {
                throw OsteobiomeException.invalid("cannot create the data folder for " + url + ": " + e.getMessage());
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("osteobiome");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw OsteobiomeException.invalid("cannot open the database " + redact(url) + ": " + rootMessage(e)
                    + (url.startsWith("jdbc:h2:file:") ? " (is another osteobiome server using this data folder?)" : ""));
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:org/osteobiome/app/web/db").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw OsteobiomeException.invalid("cannot migrate the database " + redact(url) + ": " + rootMessage(e));
        }
        return new Database(pool, redact(url));
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
