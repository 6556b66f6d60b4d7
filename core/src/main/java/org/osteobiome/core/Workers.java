package org.osteobiome.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A pool kept for many short parallel loops (one per step of an O(n³) algorithm, thousands of them), where starting
 * threads per loop as {@link Parallel#forEach} does would cost more than the loop. Each loop splits an index range into
 * one contiguous piece per thread; the caller's thread runs the first piece. What a piece computes must not depend on
 * the split, so results do not depend on the thread count.
 */
public final class Workers implements AutoCloseable {
    /** A loop body over the indices from ≤ i &lt; to. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread t = new Thread(runnable, "osteobiome-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code body} over [from, to) in up to one piece per thread; in one piece when shorter than {@code minPiece}. */
    public void split(int from, int to, int minPiece, Range body) {
        int length = to - from;
        int pieces = Math.min(threads, Math.max(1, length / Math.max(1, minPiece)));
        if (pieces <= 1) {
            body.run(from, to);
            return;
        }
        List<Future<?>> others = new ArrayList<>(pieces - 1);
        for (int p = 1; p < pieces; p++) {
            int a = from + (int) ((long) length * p / pieces);
            int b = from + (int) ((long) length * (p + 1) / pieces);
            others.add(pool.submit(() -> body.run(a, b)));
        }
        body.run(from, from + length / pieces);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
