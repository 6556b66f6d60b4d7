package org.osteobiome.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.osteobiome.core.Progress;

/** A progress bar on standard error for long computations, closed when the work ends. */
public final class CliProgress implements AutoCloseable {
    private final ProgressBar bar;

    private CliProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar when {@code show} is true, otherwise a silent reporter. */
    public static CliProgress start(String task, boolean show) {
        if (!show) {
            return new CliProgress(null);
        }
        return new CliProgress(new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    public Progress reporter() {
        if (bar == null) {
            return Progress.NONE;
        }
        return (done, total) -> {
            synchronized (bar) {
                bar.maxHint(total);
                bar.stepTo(done);
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
