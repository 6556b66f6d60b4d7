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
        double[] totals = table.sampleTotals();
        double[] entries = entryValues(table);
        return run(table, entries, options, Sum.MIN, (i, j, shared) -> {
            double sum = totals[i] + totals[j];
            return (sum - 2 * shared) / sum;
        });
    }

    static double[] jaccard(FeatureTable table, BetaDiversity.Options options) {
        double[] ones = new double[(int) table.nonZeroCount()];
        java.util.Arrays.fill(ones, 1);
        return run(table, ones, options, Sum.COUNT,
                (i, j, shared) -> 1 - shared / (table.observed(i) + table.observed(j) - shared));
    }

    /**
     * Aitchison distance from a sparse centred log-ratio: each sample's CLR is z_s for absent features and
     * z_s + u_sf for present ones, so d² = D·Δz² + 2·Δz·(U_i − U_j) + Q_i + Q_j − 2·Σ_shared u_i·u_j with
     * U = Σu and Q = Σu².
     */
    static double[] aitchison(FeatureTable table, Clr.Sparse clr, BetaDiversity.Options options) {
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
        return run(table, u, options, Sum.PRODUCT, (i, j, shared) -> {
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

    private static double[] run(FeatureTable table, double[] entries, BetaDiversity.Options options, Sum sum, Finish finish) {
        int n = table.sampleCount();
        FeatureColumns columns = FeatureColumns.of(table, entries);
        double[] out = DistanceMatrix.allocate(n);
        java.util.concurrent.atomic.AtomicLong rowsDone = new java.util.concurrent.atomic.AtomicLong();
        ParallelRows.run(n, options.threads(), () -> {
            double[] shared = new double[n];
            return i -> {
                for (int k = table.start(i); k < table.end(i); k++) {
                    int f = table.featureAt(k);
                    double a = entries[k];
                    int end = columns.pointers[f + 1];
                    int p = columns.firstAfter(f, i);
                    switch (sum) {
                        case MIN -> {
                            for (; p < end; p++) {
                                shared[columns.samples[p]] += Math.min(a, columns.values[p]);
                            }
                        }
                        case COUNT -> {
                            for (; p < end; p++) {
                                shared[columns.samples[p]] += 1;
                            }
                        }
                        case PRODUCT -> {
                            for (; p < end; p++) {
                                shared[columns.samples[p]] += a * columns.values[p];
                            }
                        }
                    }
                }
                int base = DistanceMatrix.index(n, i, i + 1);
                for (int j = i + 1; j < n; j++) {
                    out[base + (j - i - 1)] = finish.distance(i, j, shared[j]);
                    shared[j] = 0;
                }
                options.progress().report(rowsDone.incrementAndGet(), n);
            };
        });
        return out;
    }
}
