package org.osteobiome.microbiome.stats;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;

/**
 * One seeded permutation engine behind PERMANOVA, ANOSIM and PERMDISP: shuffles the group labels, recomputes the
 * statistic and reports p = (count of permuted ≥ observed + 1)/(permutations + 1). Permutation i draws from its own
 * generator derived from the seed and i, so the result does not depend on the number of threads or on how the
 * permutations are blocked. Permutations are handed to the statistic in blocks, so that a statistic can compute a
 * block in one pass over the distances (which then come from memory once per block, not once per permutation).
 */
final class PermutationEngine {
    private PermutationEngine() {
    }

    /** Observed statistic and p-value. */
    record Outcome(double statistic, double pValue) {
    }

    /** A statistic of several labelings at once: {@code out[p]} for {@code labelings[p]}. */
    @FunctionalInterface
    interface BlockStatistic {
        void apply(int[][] labelings, double[] out);
    }

    /**
     * @param blockSize permutations per call of the statistic (≥ 1); the observed labels are computed alone, by the
     *                  same statistic, so that a permutation that reproduces the observed partition gives the same value
     */
    static Outcome run(int[] labels, int permutations, long seed, int threads, int blockSize, BlockStatistic statistic,
                       Progress progress) {
        double[] observed = new double[1];
        statistic.apply(new int[][] {labels}, observed);
        if (permutations == 0) {
            return new Outcome(observed[0], Double.NaN);
        }
        int blocks = (permutations + blockSize - 1) / blockSize;
        AtomicInteger atLeast = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        progress.report(0, permutations);
        Parallel.forEach(threads, blocks, b -> {
            int from = b * blockSize;
            int to = Math.min(permutations, from + blockSize);
            int[][] block = new int[to - from][];
            for (int i = from; i < to; i++) {
                block[i - from] = shuffled(labels, Parallel.random(seed, i));
            }
            double[] values = new double[block.length];
            statistic.apply(block, values);
            int hits = 0;
            for (double v : values) {
                if (v >= observed[0]) {
                    hits++;
                }
            }
            atLeast.addAndGet(hits);
            progress.report(done.addAndGet(block.length), permutations);
        });
        return new Outcome(observed[0], (atLeast.get() + 1.0) / (permutations + 1.0));
    }

    /** A Fisher–Yates shuffle of a copy of {@code labels}. */
    static int[] shuffled(int[] labels, SplittableRandom random) {
        int[] out = labels.clone();
        for (int k = out.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = out[k];
            out[k] = out[j];
            out[j] = t;
        }
        return out;
    }
}
