package org.osteobiome.microbiome.stats;

import java.util.Arrays;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;

/** PERMANOVA, ANOSIM and PERMDISP on a distance matrix, as scikit-bio defines them. */
public final class PermutationTests {
    private PermutationTests() {
    }

    private static void check(DistanceMatrix dm, Grouping grouping, int permutations) {
        if (grouping.labels().length != dm.size()) {
            throw new IllegalArgumentException(grouping.labels().length + " labels for " + dm.size() + " samples");
        }
        if (permutations < 0) {
            throw OsteobiomeException.invalid("permutations must be 0 or more, got " + permutations);
        }
    }

    /**
     * PERMANOVA (Anderson 2001): pseudo-F = (SS_A/(a − 1)) / (SS_W/(N − a)) with SS_T = Σd²/N and
     * SS_W = Σ_groups Σ_within d²/n_g.
     */
    public static TestResult permanova(DistanceMatrix dm, Grouping grouping, int permutations, long seed, int threads) {
        return permanova(dm, grouping, permutations, seed, threads, Progress.NONE);
    }

    /** The same, reporting permutations done. */
    public static TestResult permanova(DistanceMatrix dm, Grouping grouping, int permutations, long seed, int threads,
                                       Progress progress) {
        check(dm, grouping, permutations);
        int n = dm.size();
        int a = grouping.groupCount();
        double[] squared = dm.condensed().clone();
        double total = 0;
        for (int k = 0; k < squared.length; k++) {
            squared[k] *= squared[k];
            total += squared[k];
        }
        double ssTotal = total / n;
        int[] sizes = grouping.sizes(grouping.labels()); // the same for every permutation
        PermutationEngine.Outcome o = PermutationEngine.run(grouping.labels(), permutations, seed, threads,
                WithinGroupSums.blockSize(n), (labelings, out) -> {
                    double[][] within = WithinGroupSums.of(squared, n, a, labelings);
                    for (int p = 0; p < labelings.length; p++) {
                        double ssWithin = 0;
                        for (int g = 0; g < a; g++) {
                            ssWithin += within[p][g] / sizes[g];
                        }
                        out[p] = ((ssTotal - ssWithin) / (a - 1)) / (ssWithin / (n - a));
                    }
                }, progress);
        return new TestResult("PERMANOVA", "pseudo-F", o.statistic(), o.pValue(), n, grouping.names(), permutations, seed);
    }

    /** ANOSIM (Clarke 1993): R = (mean rank between − mean rank within) / (M/2), ranks of all M distances, ties averaged. */
    public static TestResult anosim(DistanceMatrix dm, Grouping grouping, int permutations, long seed, int threads) {
        return anosim(dm, grouping, permutations, seed, threads, Progress.NONE);
    }

    /** The same, reporting permutations done. */
    public static TestResult anosim(DistanceMatrix dm, Grouping grouping, int permutations, long seed, int threads,
                                    Progress progress) {
        check(dm, grouping, permutations);
        int n = dm.size();
        int a = grouping.groupCount();
        double[] ranks = ranks(dm.condensed());
        double m = ranks.length;
        double rankSum = 0;
        for (double r : ranks) {
            rankSum += r;
        }
        double allRanks = rankSum;
        long withinPairs = 0; // the same for every permutation, as the group sizes are
        for (int size : grouping.sizes(grouping.labels())) {
            withinPairs += (long) size * (size - 1) / 2;
        }
        long count = withinPairs;
        PermutationEngine.Outcome o = PermutationEngine.run(grouping.labels(), permutations, seed, threads,
                WithinGroupSums.blockSize(n), (labelings, out) -> {
                    double[][] sums = WithinGroupSums.of(ranks, n, a, labelings);
                    for (int p = 0; p < labelings.length; p++) {
                        double within = 0;
                        for (int g = 0; g < a; g++) {
                            within += sums[p][g];
                        }
                        double meanWithin = within / count;
                        double meanBetween = (allRanks - within) / (m - count);
                        out[p] = (meanBetween - meanWithin) / (m / 2);
                    }
                }, progress);
        return new TestResult("ANOSIM", "R", o.statistic(), o.pValue(), n, grouping.names(), permutations, seed);
    }

    /**
     * PERMDISP (Anderson 2006): one-way ANOVA F of the distances of samples to their group's centre in PCoA space
     * (axes with positive eigenvalues, as scikit-bio); the centre is the spatial median (default) or the centroid,
     * recomputed for every permutation.
     */
    public static TestResult permdisp(DistanceMatrix dm, Grouping grouping, boolean spatialMedian, int permutations, long seed,
                                      int threads) {
        return permdisp(dm, grouping, spatialMedian, permutations, seed, threads, Progress.NONE);
    }

    /** The same, reporting permutations done. */
    public static TestResult permdisp(DistanceMatrix dm, Grouping grouping, boolean spatialMedian, int permutations, long seed,
                                      int threads, Progress progress) {
        check(dm, grouping, permutations);
        Ordination pcoa = dm.size() <= Pcoa.EXACT_LIMIT ? Pcoa.exact(dm, threads, Progress.NONE)
                : Pcoa.randomized(dm, Math.min(10, dm.size() - 1), seed);
        double[][] x = pcoa.coordinates();
        int a = grouping.groupCount();
        PermutationEngine.Outcome o = PermutationEngine.run(grouping.labels(), permutations, seed, threads, 1, (labelings, out) -> {
            int[] labels = labelings[0];
            double[] distances = new double[x.length];
            for (int g = 0; g < a; g++) {
                int group = g;
                int[] members = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == group).toArray();
                double[] centre = spatialMedian ? SpatialMedian.of(x, members) : centroid(x, members);
                for (int i : members) {
                    distances[i] = euclidean(x[i], centre);
                }
            }
            out[0] = oneWayF(distances, labels, a);
        }, progress);
        return new TestResult("PERMDISP", "F-value", o.statistic(), o.pValue(), dm.size(), grouping.names(), permutations, seed);
    }

    static double[] centroid(double[][] x, int[] members) {
        double[] c = new double[x[0].length];
        for (int i : members) {
            for (int d = 0; d < c.length; d++) {
                c[d] += x[i][d];
            }
        }
        for (int d = 0; d < c.length; d++) {
            c[d] /= members.length;
        }
        return c;
    }

    static double euclidean(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** The F statistic of a one-way analysis of variance. */
    static double oneWayF(double[] values, int[] labels, int groups) {
        double[] sum = new double[groups];
        int[] count = new int[groups];
        double grand = 0;
        for (int i = 0; i < values.length; i++) {
            sum[labels[i]] += values[i];
            count[labels[i]]++;
            grand += values[i];
        }
        grand /= values.length;
        double between = 0;
        for (int g = 0; g < groups; g++) {
            double mean = sum[g] / count[g];
            between += count[g] * (mean - grand) * (mean - grand);
        }
        double within = 0;
        for (int i = 0; i < values.length; i++) {
            double mean = sum[labels[i]] / count[labels[i]];
            within += (values[i] - mean) * (values[i] - mean);
        }
        return (between / (groups - 1)) / (within / (values.length - groups));
    }

    /**
     * Ranks 1…n, ties given their average rank (as R's rank). The values are ordered by a radix sort of their bit
     * patterns (made to sort like the numbers) carrying their positions, so ten million distances rank in about a
     * second; runs of equal values (== , so −0 ties with 0) share the mean of their positions.
     */
    public static double[] ranks(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(values[i]);
            keys[i] = bits ^ ((bits >> 63) & Long.MAX_VALUE); // negative numbers: reverse their order
            order[i] = i;
        }
        RadixSort.sort(keys, order);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
