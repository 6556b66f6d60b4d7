package org.osteobiome.microbiome.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;

/**
 * The blocked PERMANOVA and ANOSIM kernels against their definitions computed pair by pair on the same seeded
 * permutations: the statistics agree to rounding and the p-values exactly, whatever the block and thread count. Small
 * designs (8 samples in 2 groups have only 70 labelings) make permutations that reproduce the observed partition
 * frequent, so the tie rule (permuted ≥ observed) is exercised too.
 */
class BlockedPermutationsTest {

    @ParameterizedTest
    @CsvSource({"8, 2, 1, 1", "13, 3, 2, 1", "61, 4, 3, 2", "300, 2, 4, 2"})
    void permanovaAndAnosimEqualTheirPairwiseDefinitions(int n, int groups, long seed, int threads) {
        DistanceMatrix dm = randomMatrix(n, seed);
        Grouping grouping = grouping(n, groups);
        int permutations = 999;
        AtomicLong last = new AtomicLong(-1);
        Progress progress = (done, total) -> {
            assertThat(total).isEqualTo(permutations);
            last.accumulateAndGet(done, Math::max);
        };

        TestResult permanova = PermutationTests.permanova(dm, grouping, permutations, seed, threads, progress);
        assertThat(last.get()).isEqualTo(permutations);
        assertThat(permanova.statistic()).isCloseTo(pseudoF(dm, grouping.labels(), groups), org.assertj.core.data.Percentage.withPercentage(1e-10));
        assertThat(permanova.pValue()).isEqualTo(pValue(grouping.labels(), permutations, seed, l -> pseudoF(dm, l, groups)));

        TestResult anosim = PermutationTests.anosim(dm, grouping, permutations, seed, threads);
        double[] ranks = PermutationTests.ranks(dm.condensed());
        // Ranks are whole or half numbers, so these sums are exact in any order: the statistic itself is equal.
        assertThat(anosim.statistic()).isEqualTo(anosimR(ranks, n, grouping.labels()));
        assertThat(anosim.pValue()).isEqualTo(pValue(grouping.labels(), permutations, seed, l -> anosimR(ranks, n, l)));
    }

    @ParameterizedTest
    @CsvSource({"1, 50", "2, 2000", "3, 70000"})
    void ranksAreTheMeanPositionOfTheirTies(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // Few distinct values (many ties), negatives, and both zeros, which compare equal.
            values[i] = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(-5, 6) / 4.0;
                case 1 -> random.nextBoolean() ? 0.0 : -0.0;
                case 2 -> -1e300 * random.nextDouble();
                default -> random.nextDouble();
            };
        }
        double[] ranks = PermutationTests.ranks(values);
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            // rank = #(smaller) + (#(equal) + 1)/2, with the numbers' own ==
            double v = values[i];
            int smaller = 0;
            int equal = 0;
            for (double w : sorted) {
                if (w < v) {
                    smaller++;
                } else if (w == v) {
                    equal++;
                }
            }
            assertThat(ranks[i]).as("value %s", v).isEqualTo(smaller + (equal + 1) / 2.0);
            if (n > 5000 && i > 200) {
                break; // the quadratic check on a prefix; the sort itself ran on all
            }
        }
    }

    /** Pseudo-F by its definition, pair by pair from the matrix (Anderson 2001). */
    private static double pseudoF(DistanceMatrix dm, int[] labels, int groups) {
        int n = labels.length;
        int[] sizes = new int[groups];
        for (int l : labels) {
            sizes[l]++;
        }
        double total = 0;
        double within = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d2 = dm.get(i, j) * dm.get(i, j);
                total += d2;
                if (labels[i] == labels[j]) {
                    within += d2 / sizes[labels[i]];
                }
            }
        }
        double ssTotal = total / n;
        return ((ssTotal - within) / (groups - 1)) / (within / (n - groups));
    }

    /** ANOSIM's R by its definition (Clarke 1993). */
    private static double anosimR(double[] ranks, int n, int[] labels) {
        double within = 0;
        double between = 0;
        long withinCount = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (labels[i] == labels[j]) {
                    within += ranks[k];
                    withinCount++;
                } else {
                    between += ranks[k];
                }
                k++;
            }
        }
        double m = ranks.length;
        return (between / (m - withinCount) - within / withinCount) / (m / 2);
    }

    /** (count of permuted ≥ observed + 1)/(permutations + 1) on permutation i's own generator, one at a time. */
    private static double pValue(int[] labels, int permutations, long seed, java.util.function.ToDoubleFunction<int[]> statistic) {
        double observed = statistic.applyAsDouble(labels);
        int atLeast = 0;
        for (int i = 0; i < permutations; i++) {
            if (statistic.applyAsDouble(PermutationEngine.shuffled(labels, Parallel.random(seed, i))) >= observed) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    private static DistanceMatrix randomMatrix(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] condensed = new double[n * (n - 1) / 2];
        for (int k = 0; k < condensed.length; k++) {
            condensed[k] = random.nextDouble();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
        }
        return new DistanceMatrix(ids, condensed);
    }

    private static Grouping grouping(int n, int groups) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = "g" + (i % groups);
        }
        return Grouping.of(values, "test");
    }
}
