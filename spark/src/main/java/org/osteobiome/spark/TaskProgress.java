package org.osteobiome.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.osteobiome.core.Progress;

/** Reports the tasks done of the stages submitted since the last {@link #phase}, as Spark's scheduler announces them. */
final class TaskProgress extends SparkListener {
    private final Progress progress;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile boolean counting;

    TaskProgress(Progress progress) {
        this.progress = progress;
    }

    /** Starts counting again for the work described, or stops counting tasks ({@code counting} false) for work that reports itself. */
    void phase(String description, boolean countTasks) {
        counting = countTasks;
        done.set(0);
        total.set(0);
        progress.phase(description);
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        if (counting) {
            total.addAndGet(event.stageInfo().numTasks());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        if (counting && event.taskInfo().successful()) {
            progress.report(done.incrementAndGet(), Math.max(total.get(), done.get()));
        }
    }
}
