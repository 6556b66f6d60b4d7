package org.osteobiome.core;

/** Receives progress of long work; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    /** No reporting. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} units finished. */
    void report(long done, long total);

    /** What the work is doing now ("stage 2 of 3: quantiles"), shown beside the count where there is room. */
    default void phase(String description) {
    }
}
