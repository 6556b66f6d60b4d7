package org.osteobiome.app.web.jobs;

/** Thrown from a job's progress reporter once the job was cancelled, so the computation stops at its next report. */
public final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Cancelled() {
        super("cancelled", null, false, false);
    }
}
