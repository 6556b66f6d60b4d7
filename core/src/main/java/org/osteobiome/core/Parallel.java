package org.osteobiome.core;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Independent tasks 0 … count−1 on a pool of a chosen size, and the per-task random generators that make seeded
 * results independent of that size.
 */
public final class Parallel {
    private Parallel() {
    }

    /** Runs {@code body} for every index, on {@code threads} threads (in order on the caller's thread when 1). */
    public static void forEach(int threads, int count, IntConsumer body) {
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
        } finally {
            pool.shutdown();
        }
    }

    /** The generator of task {@code index} under {@code seed}: depends on nothing else, so not on the thread count. */
    public static SplittableRandom random(long seed, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }
}
