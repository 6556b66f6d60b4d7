package org.osteobiome.microbiome.stats;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.ToDoubleFunction;
import org.osteobiome.core.Parallel;

/**
 * One seeded permutation engine behind PERMANOVA, ANOSIM and PERMDISP: shuffles the group labels, recomputes the
 * statistic and reports p = (count of permuted ≥ observed + 1)/(permutations + 1). Permutation i draws from its own
 * generator derived from the seed and i, so the result does not depend on the number of threads.
 */
final class PermutationEngine {
    private PermutationEngine() {
    }

    /** Observed statistic and p-value. */
    record Outcome(double statistic, double pValue) {
    }

    static Outcome run(int[] labels, int permutations, long seed, int threads, ToDoubleFunction<int[]> statistic) {
        double observed = statistic.applyAsDouble(labels);
        if (permutations == 0) {
            return new Outcome(observed, Double.NaN);
        }
        AtomicIntegerArray atLeast = new AtomicIntegerArray(1);
        Parallel.forEach(threads, permutations, i -> {
            int[] shuffled = labels.clone();
            SplittableRandom random = Parallel.random(seed, i);
            for (int k = shuffled.length - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = shuffled[k];
                shuffled[k] = shuffled[j];
                shuffled[j] = t;
            }
            if (statistic.applyAsDouble(shuffled) >= observed) {
                atLeast.incrementAndGet(0);
            }
        });
        return new Outcome(observed, (atLeast.get(0) + 1.0) / (permutations + 1.0));
    }
}
