package org.osteobiome.microbiome.diversity.beta;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * UniFrac by stripes, the layout of Striped UniFrac (McDonald et al. 2018, Nat. Methods 15:847): stripe k holds
 * the pairs (i, i + k mod n), so every branch adds b·|v_i − v_{i+k}| along contiguous arrays that the JIT
 * vectorises. Each branch's per-sample vector v (presence for unweighted, proportion below the branch for
 * weighted) is built bottom-up in a post-order pass; only the vectors of open ancestors are alive. Threads take
 * disjoint stripe ranges and each walks the tree itself.
 *
 * <p>Unweighted: d = U/(U + S) with U = Σ b·|a − b| over presence and S the shared length, computed as
 * U / ((PD_i + PD_j + U)/2) with PD the per-sample total length (Faith PD without the root). Weighted normalised:
 * Σ b·|p_i − p_j| / Σ_tips depth·(p_i + p_j). Weighted unnormalised: the numerator alone.
 */
final class UniFrac {
    private UniFrac() {
    }

    static double[] compute(FeatureTable table, PhyloTree tree, BetaMetric variant, BetaDiversity.Options options,
                            String tableName) {
        int threads = options.threads();
        int n = table.sampleCount();
        int nodes = tree.nodeCount();
        int[] tipOf = tree.tipsOf(table.featureIds(), tableName);
        int[] featureAtNode = new int[nodes];
        Arrays.fill(featureAtNode, -1);
        boolean[] used = new boolean[nodes];
        for (int f = 0; f < tipOf.length; f++) {
            featureAtNode[tipOf[f]] = f;
            for (int v = tipOf[f]; v >= 0 && !used[v]; v = tree.parent(v)) {
                used[v] = true;
            }
        }
        boolean unweighted = variant == BetaMetric.UNWEIGHTED_UNIFRAC;
        double[] entries = new double[(int) table.nonZeroCount()];
        double[] totals = table.sampleTotals();
        for (int s = 0; s < n; s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                entries[k] = unweighted ? 1 : table.valueAt(k) / totals[s];
            }
        }
        FeatureColumns columns = FeatureColumns.of(table, entries);
        int stripes = n / 2;
        double[][] acc = new double[stripes][];
        double[] perSample = new double[n];
        // More chunks than threads, so that progress moves and threads stay busy; each chunk walks the tree once.
        int chunks = Math.max(1, Math.min(stripes, 4 * threads));
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        ParallelRows.run(chunks, threads, () -> chunk -> {
            int k0 = 1 + (int) ((long) stripes * chunk / chunks);
            int k1 = 1 + (int) ((long) stripes * (chunk + 1) / chunks);
            for (int k = k0; k < k1; k++) {
                acc[k - 1] = new double[n];
            }
            walk(tree, used, featureAtNode, columns, unweighted, n, k0, k1, acc, chunk == 0 ? perSample : null);
            options.progress().report(done.incrementAndGet(), chunks);
        });
        double[] out = DistanceMatrix.allocate(n);
        for (int k = 1; k <= stripes; k++) {
            double[] row = acc[k - 1];
            for (int i = 0; i < n; i++) {
                if (n % 2 == 0 && k == stripes && i >= stripes) {
                    continue; // the middle stripe holds each pair twice
                }
                int j = (i + k) % n;
                double u = row[i];
                double d;
                if (unweighted) {
                    double union = (perSample[i] + perSample[j] + u) / 2;
                    d = union > 0 ? u / union : 0;
                } else if (variant == BetaMetric.WEIGHTED_NORMALIZED_UNIFRAC) {
                    double norm = perSample[i] + perSample[j];
                    d = norm > 0 ? u / norm : 0;
                } else {
                    d = u;
                }
                out[DistanceMatrix.index(n, Math.min(i, j), Math.max(i, j))] = d;
            }
        }
        return out;
    }

    /** One post-order pass adding every branch to stripes k0..k1−1 (and, if asked, the per-sample totals). */
    private static void walk(PhyloTree tree, boolean[] used, int[] featureAtNode, FeatureColumns columns, boolean unweighted,
                             int n, int k0, int k1, double[][] acc, double[] perSample) {
        int nodes = tree.nodeCount();
        double[][] open = new double[nodes][];
        ArrayDeque<double[]> pool = new ArrayDeque<>();
        double[] doubled = new double[2 * n];
        for (int v = nodes - 1; v >= 1; v--) {
            if (!used[v]) {
                continue;
            }
            double[] p = open[v];
            if (p == null) {
                p = pool.isEmpty() ? new double[n] : pool.pop();
            }
            open[v] = null;
            int f = featureAtNode[v];
            if (f >= 0) {
                for (int q = columns.pointers[f]; q < columns.pointers[f + 1]; q++) {
                    p[columns.samples[q]] += columns.values[q];
                }
            }
            double b = tree.length(v);
            if (b > 0) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = unweighted ? (p[i] > 0 ? 1 : 0) : p[i];
                    doubled[i] = x;
                    doubled[i + n] = x;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                if (perSample != null) {
                    for (int i = 0; i < n; i++) {
                        perSample[i] += b * doubled[i];
                    }
                }
                if (max > min) {
                    for (int k = k0; k < k1; k++) {
                        double[] row = acc[k - 1];
                        for (int i = 0; i < n; i++) {
                            row[i] += b * Math.abs(doubled[i] - doubled[i + k]);
                        }
                    }
                }
            }
            int parent = tree.parent(v);
            if (parent <= 0) {
                Arrays.fill(p, 0);
                pool.push(p);
            } else if (open[parent] == null) {
                open[parent] = p;
            } else {
                double[] target = open[parent];
                for (int i = 0; i < n; i++) {
                    target[i] += p[i];
                }
                Arrays.fill(p, 0);
                pool.push(p);
            }
        }
    }
}
