package org.osteobiome.spark;

/**
 * Work items 0 … n − 1 (subjects, model runs) cut into contiguous ranges, one per task: at least
 * {@link #TASKS_PER_CORE} per core, so that the last tasks to finish leave few cores idle, and none above a size
 * that keeps a task to a few seconds (progress moves, a lost task costs little).
 */
final class TaskRanges {
    /** Tasks per core at least (2,000 subjects in 4 tasks on 2 cores left a core idle for a quarter of the run). */
    static final int TASKS_PER_CORE = 4;

    private TaskRanges() {
    }

    /** How many ranges, for items of which a task takes at most {@code perTask}. */
    static int count(long n, int parallelism, int perTask) {
        long byCost = (n + perTask - 1) / perTask;
        return (int) Math.max(1, Math.min(n, Math.max(byCost, (long) TASKS_PER_CORE * parallelism)));
    }

    /** Range r of {@code tasks} starts here: items ⌊r·n/tasks⌋ … ⌊(r+1)·n/tasks⌋ − 1. */
    static long start(long n, int tasks, int r) {
        return Math.multiplyExact(n, r) / tasks;
    }
}
