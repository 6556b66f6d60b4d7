package org.osteobiome.app.web.jobs;

import org.osteobiome.app.web.store.Store;

/**
 * One kind of background job (a fit, a virtual population, a map build…): how its request is checked before anything is
 * queued, and how it runs.
 */
public interface JobKind {
    /** The id stored with the job and used in URLs and the API ({@code vpop}, {@code map-build}…). */
    String id();

    /** What the job is, for a person ("Virtual population"). */
    String label();

    /**
     * Checks a request completely — unknown names, values out of range, a cohort of another project — and returns the
     * job's title. Throws {@link org.osteobiome.core.OsteobiomeException} with the field and the fix; nothing is queued then.
     */
    String check(JobRequest request, Store.Project project, Store store) throws java.sql.SQLException;

    /** Runs the job; long loops report to {@link JobContext#progress()}, which throws {@link Cancelled} once cancelled. */
    JobOutput run(JobRequest request, JobContext context) throws Exception;
}
