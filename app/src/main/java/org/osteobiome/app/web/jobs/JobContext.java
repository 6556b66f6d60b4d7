package org.osteobiome.app.web.jobs;

import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.Progress;

/** What a running job may use: its progress reporter, its team's stored data, and how many threads it may occupy. */
public interface JobContext {
    /** Reports units done; throws {@link Cancelled} once the job is cancelled. Thread-safe. */
    Progress progress();

    /** Names the step the job is in ("cross-validation", "forecast"), shown beside the bar. */
    void phase(String text);

    /** Throws {@link Cancelled} if the job was cancelled. */
    void checkCancelled();

    /** Worker threads this job may use. */
    int threads();

    /** The job's own row (its project, team, author). */
    Store.Job job();

    /** Reads from the store in a transaction of its own. */
    <T> T read(org.osteobiome.app.web.Services.StoreWork<T> work);
}
