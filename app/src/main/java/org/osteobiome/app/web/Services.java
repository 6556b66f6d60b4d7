package org.osteobiome.app.web;

import java.util.concurrent.Semaphore;
import org.osteobiome.app.web.auth.Authenticator;
import org.osteobiome.app.web.store.Database;
import org.osteobiome.app.web.store.Store;

/**
 * What the routes share: the database, the authenticator, the settings, and a bound on how many model runs go at once
 * so a burst of requests cannot starve the server.
 */
public final class Services implements AutoCloseable {
    private final Database db;
    private final Authenticator auth;
    private final WebSettings settings;
    private final Semaphore runs;
    private org.osteobiome.app.web.jobs.JobQueue jobs;

    Services(Database db, Authenticator auth, WebSettings settings) {
        this.db = db;
        this.auth = auth;
        this.settings = settings;
        this.runs = new Semaphore(settings.jobThreads(), true);
    }

    /** Work in one transaction on the store. */
    public <T> T store(Database.Work<T> work) {
        return db.transaction(work);
    }

    public Database database() {
        return db;
    }

    public Authenticator auth() {
        return auth;
    }

    public WebSettings settings() {
        return settings;
    }

    /** Runs a computation when a slot is free (waiting at most 30 s), so at most {@code jobThreads} run at once. */
    public <T> T compute(java.util.function.Supplier<T> work) {
        try {
            if (!runs.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new HttpError(503, "the server is busy with other runs; try again in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted while waiting for a free slot");
        }
        try {
            return work.get();
        } finally {
            runs.release();
        }
    }

    /** The background job queue. */
    public org.osteobiome.app.web.jobs.JobQueue jobs() {
        return jobs;
    }

    void jobs(org.osteobiome.app.web.jobs.JobQueue queue) {
        this.jobs = queue;
    }

    /** A store reader shorthand for routes. */
    public interface StoreWork<T> {
        T run(Store s) throws java.sql.SQLException;
    }

    public <T> T with(StoreWork<T> work) {
        return db.transaction(c -> work.run(new Store(c)));
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
    }
}
