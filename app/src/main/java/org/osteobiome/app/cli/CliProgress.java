package org.osteobiome.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.osteobiome.core.Progress;

/**
 * A progress bar on standard error for long computations, closed when the work ends. A bar started "when slow"
 * appears only once the work has run for {@link #SLOW_MILLIS}, so quick runs print nothing.
 */
public final class CliProgress implements AutoCloseable {
    /** How long work runs before a "when slow" bar appears. */
    static final long SLOW_MILLIS = 2000;

    private final String task;
    private final boolean show;
    private final long appearAt;
    private ProgressBar bar;
    private String phase = "";

    private CliProgress(String task, boolean show, long delayMillis) {
        this.task = task;
        this.show = show;
        this.appearAt = System.nanoTime() + delayMillis * 1_000_000;
        if (show && delayMillis == 0) {
            bar = newBar();
        }
    }

    /** A bar when {@code show} is true, otherwise a silent reporter. */
    public static CliProgress start(String task, boolean show) {
        return new CliProgress(task, show, 0);
    }

    /** A bar that appears only if the work is still running after {@link #SLOW_MILLIS} (and {@code show} is true). */
    public static CliProgress startWhenSlow(String task, boolean show) {
        return new CliProgress(task, show, SLOW_MILLIS);
    }

    private ProgressBar newBar() {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    public Progress reporter() {
        if (!show) {
            return Progress.NONE;
        }
        return new Progress() {
            @Override
            public void report(long done, long total) {
                synchronized (CliProgress.this) {
                    if (bar == null && System.nanoTime() - appearAt >= 0) {
                        bar = newBar();
                        bar.setExtraMessage(phase);
                    }
                    if (bar != null) {
                        bar.maxHint(total);
                        bar.stepTo(done);
                    }
                }
            }

            @Override
            public void phase(String description) {
                synchronized (CliProgress.this) {
                    phase = description;
                    if (bar != null) {
                        bar.setExtraMessage(description);
                    }
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
