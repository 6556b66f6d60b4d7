package org.osteobiome.microbiome.diversity.beta;

import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Bray–Curtis, Jaccard and Aitchison through an inverted index: for each sample i and each of its features, walk
 * that feature's list of samples j &gt; i and accumulate a per-pair sum over shared features (Σ min for Bray–Curtis,
 * the count for Jaccard, Σ u_i·u_j for Aitchison) into a dense row. The work is Σ_f prevalence(f)², far less than
 * samples² × features for sparse tables, and rows run in parallel.
 */
final class SharedFeatureDistances {
    private SharedFeatureDistances() {
    }

    /** What is summed over the features two samples share (a switch, so the hot loop never calls through an interface). */
    private enum Sum { MIN, COUNT, PRODUCT }

    /** How the shared sum of a pair becomes its distance. */
    @FunctionalInterface
    private interface Finish {
        double distance(int i, int j, double shared);
    }

    static double[] brayCurtis(FeatureTable table, BetaDiversity.Options options) {
        return run(brayCurtis(table), options);
    }

    static double[] jaccard(FeatureTable table, BetaDiversity.Options options) {
        return run(jaccard(table), options);
    }

    static double[] aitchison(FeatureTable table, Clr.Sparse clr, BetaDiversity.Options options) {
        return run(aitchison(table, clr), options);
    }

    static Kernel brayCurtis(FeatureTable table) {
        double[] totals = table.sampleTotals();
        return new Kernel(table, entryValues(table), Sum.MIN, (i, j, shared) -> {
            double sum = totals[i] + totals[j];
            return (sum - 2 * shared) / sum;
        });
    }

    static Kernel jaccard(FeatureTable table) {
        double[] ones = new double[(int) table.nonZeroCount()];
        java.util.Arrays.fill(ones, 1);
        return new Kernel(table, ones, Sum.COUNT, (i, j, shared) -> 1 - shared / (table.observed(i) + table.observed(j) - shared));
    }

    /**
     * Aitchison distance from a sparse centred log-ratio: each sample's CLR is z_s for absent features and
     * z_s + u_sf for present ones, so d² = D·Δz² + 2·Δz·(U_i − U_j) + Q_i + Q_j − 2·Σ_shared u_i·u_j with
     * U = Σu and Q = Σu².
     */
    static Kernel aitchison(FeatureTable table, Clr.Sparse clr) {
        int n = table.sampleCount();
        double[] u = clr.entries();
        double[] sumU = new double[n];
        double[] sumSq = new double[n];
        for (int s = 0; s < n; s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                sumU[s] += u[k];
                sumSq[s] += u[k] * u[k];
            }
        }
        double[] zero = clr.zeroValues();
        double features = table.featureCount();
        return new Kernel(table, u, Sum.PRODUCT, (i, j, shared) -> {
            double dz = zero[i] - zero[j];
            double d2 = features * dz * dz + 2 * dz * (sumU[i] - sumU[j]) + sumSq[i] + sumSq[j] - 2 * shared;
            return Math.sqrt(Math.max(0, d2));
        });
    }

    private static double[] entryValues(FeatureTable table) {
        double[] values = new double[(int) table.nonZeroCount()];
        for (int k = 0; k < values.length; k++) {
            values[k] = table.valueAt(k);
        }
        return values;
    }

    private static double[] run(Kernel kernel, BetaDiversity.Options options) {
        int n = kernel.table.sampleCount();
        double[] out = DistanceMatrix.allocate(n);
        java.util.concurrent.atomic.AtomicLong rowsDone = new java.util.concurrent.atomic.AtomicLong();
        ParallelRows.run(n, options.threads(), () -> {
            double[] shared = new double[n];
            return i -> {
                kernel.row(i, i + 1, n, shared, out, DistanceMatrix.index(n, i, i + 1));
                options.progress().report(rowsDone.incrementAndGet(), n);
            };
        });
        return out;
    }

    /**
     * One metric's per-pair work over a prepared table. The shared sum of a pair is accumulated over the features the two
     * samples share in ascending feature order, whichever of the two the row belongs to, and finished with the lower index
     * first, so d(i, j) computed from row i and from row j are the same number.
     */
    static final class Kernel implements RowKernel {
        final FeatureTable table;
        private final double[] entries;
        private final FeatureColumns columns;
        private final Sum sum;
        private final Finish finish;

        private Kernel(FeatureTable table, double[] entries, Sum sum, Finish finish) {
            this.table = table;
            this.entries = entries;
            this.columns = FeatureColumns.of(table, entries);
            this.sum = sum;
            this.finish = finish;
        }

        @Override
        public int size() {
            return table.sampleCount();
        }

        @Override
        public void row(int i, int c0, int c1, double[] shared, double[] out, int at) {
            boolean toEnd = c1 == table.sampleCount();
            for (int k = table.start(i); k < table.end(i); k++) {
                int f = table.featureAt(k);
                double a = entries[k];
                int end = toEnd ? columns.pointers[f + 1] : columns.firstAtLeast(f, c1);
                int p = columns.firstAtLeast(f, c0);
                switch (sum) {
                    case MIN -> {
                        for (; p < end; p++) {
                            shared[columns.samples[p] - c0] += Math.min(a, columns.values[p]);
                        }
                    }
                    case COUNT -> {
                        for (; p < end; p++) {
                            shared[columns.samples[p] - c0] += 1;
                        }
                    }
                    case PRODUCT -> {
                        for (; p < end; p++) {
                            shared[columns.samples[p] - c0] += a * columns.values[p];
                        }
                    }
                }
            }
            for (int j = c0; j < c1; j++) {
                // the pair in the order the whole matrix computes it (i < j), so that every finish gives the same number
                out[at + (j - c0)] = j == i ? 0 : j > i ? finish.distance(i, j, shared[j - c0]) : finish.distance(j, i, shared[j - c0]);
                shared[j - c0] = 0;
            }
        }
    }

    /** Distances of one sample to a range of samples, for whole matrices and for {@link DistanceBlocks}. */
    interface RowKernel {
        int size();

        /**
         * Distances from sample i to samples {@code c0 ≤ j < c1} into {@code out[at + j − c0]} (0 for j = i). {@code scratch}
         * holds at least {@code c1 − c0} zeros and is left zeroed.
         */
        void row(int i, int c0, int c1, double[] scratch, double[] out, int at);
    }
}
