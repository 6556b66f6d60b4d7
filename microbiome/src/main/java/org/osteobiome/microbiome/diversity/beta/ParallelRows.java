package org.osteobiome.microbiome.diversity.beta;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

/** Runs work items 0..n−1 on K threads, handing out items one at a time so uneven rows balance. */
final class ParallelRows {
    private ParallelRows() {
    }

    /** Each thread gets its own worker (with its scratch space) from the supplier. */
    static void run(int items, int threads, Supplier<IntConsumer> workerFactory) {
        int k = Math.max(1, Math.min(threads, items));
        if (k == 1) {
            IntConsumer worker = workerFactory.get();
            for (int i = 0; i < items; i++) {
                worker.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(k);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                futures.add(pool.submit(() -> {
                    IntConsumer worker = workerFactory.get();
                    for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                        worker.accept(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsteobiomeException(ErrorCode.INTERNAL, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new OsteobiomeException(ErrorCode.INTERNAL, "worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
