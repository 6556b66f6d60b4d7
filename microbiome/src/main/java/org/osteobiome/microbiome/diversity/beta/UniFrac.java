package org.osteobiome.microbiome.diversity.beta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * UniFrac (Lozupone &amp; Knight 2005; Lozupone et al. 2007) from one post-order pass over the tree, splitting
 * the branches by how many samples they hold.
 *
 * <p>Every branch v with length b and per-sample value x_v (presence for unweighted, the sample's proportion of
 * reads below v for weighted) adds b·|x_iv − x_jv| to the pair (i, j). Branches present in at most half of the
 * samples are handled through their short sample lists, because |x_i − x_j| = x_i + x_j − 2·min(x_i, x_j) and the
 * min term is non-zero only for pairs that share the branch (an inverted index over branches, like Bray–Curtis
 * over features). For unweighted UniFrac a branch present in most samples is handled through its short list of
 * absent samples instead (inclusion–exclusion), so every branch costs at most (n/2)² pair updates. For weighted
 * UniFrac, branches present in most samples are added by stripes, the layout of Striped UniFrac (McDonald et al.
 * 2018): stripe k holds the pairs (i, i + k mod n).
 *
 * <p>Unweighted: d = U/(U + S) with S the length shared and U the length unique to either sample, written as
 * U/(PD_i + PD_j − S). Weighted normalised: Σ b·|p_i − p_j| / Σ_tips depth·(p_i + p_j); unnormalised: the numerator.
 */
final class UniFrac {
    private UniFrac() {
    }

    /** Sample lists of the branches handled pairwise: concatenated lists, their offsets, branch lengths and values. */
    private static final class Lists {
        int count;
        int[] offsets = new int[1025];
        int[] samples = new int[1 << 16];
        double[] values = new double[1 << 16];
        double[] lengths = new double[1024];

        void add(int[] indices, double[] vals, int size, double length) {
            if (count + 1 == lengths.length) {
                lengths = Arrays.copyOf(lengths, lengths.length * 2);
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            int start = offsets[count];
            if (start + size > samples.length) {
                int capacity = Math.max(samples.length * 2, start + size);
                samples = Arrays.copyOf(samples, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            System.arraycopy(indices, 0, samples, start, size);
            if (vals != null) {
                System.arraycopy(vals, 0, values, start, size);
            }
            lengths[count] = length;
            offsets[++count] = start + size;
        }
    }

    static double[] compute(FeatureTable table, PhyloTree tree, BetaMetric variant, BetaDiversity.Options options,
                            String tableName) {
        int n = table.sampleCount();
        boolean unweighted = variant == BetaMetric.UNWEIGHTED_UNIFRAC;
        int[] tipOf = tree.tipsOf(table.featureIds(), tableName);
        int nodes = tree.nodeCount();
        int[] featureAtNode = new int[nodes];
        Arrays.fill(featureAtNode, -1);
        boolean[] used = new boolean[nodes];
        for (int f = 0; f < tipOf.length; f++) {
            featureAtNode[tipOf[f]] = f;
            for (int v = tipOf[f]; v >= 0 && !used[v]; v = tree.parent(v)) {
                used[v] = true;
            }
        }
        double[] totals = table.sampleTotals();
        double[] entries = new double[(int) table.nonZeroCount()];
        for (int s = 0; s < n; s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                entries[k] = unweighted ? 1 : table.valueAt(k) / totals[s];
            }
        }
        FeatureColumns columns = FeatureColumns.of(table, entries);

        // Pass over the tree: per-sample totals, branch lists, and (weighted) the dense branches for the stripes.
        double[] perSample = new double[n];     // PD_i (unweighted) or Σ_v b·p_iv (weighted normalisation)
        double[] listTotals = new double[n];    // unweighted: A_i; weighted: S_i = Σ_{listed v} b·p_iv
        double[] constant = new double[1];      // unweighted: total length of branches handled through absent lists
        Lists lists = new Lists();
        List<double[]> dense = new ArrayList<>();
        List<Double> denseLengths = new ArrayList<>();
        int[] indexBuffer = new int[n];
        double[] valueBuffer = new double[n];
        double[][] open = new double[nodes][];
        ArrayDeque<double[]> pool = new ArrayDeque<>();
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
                int present = 0;
                for (int i = 0; i < n; i++) {
                    if (p[i] > 0) {
                        present++;
                        perSample[i] += unweighted ? b : b * p[i];
                    }
                }
                if (present <= n / 2) {
                    int m = 0;
                    for (int i = 0; i < n; i++) {
                        if (p[i] > 0) {
                            indexBuffer[m] = i;
                            valueBuffer[m++] = p[i];
                            if (!unweighted) {
                                listTotals[i] += b * p[i];
                            }
                        }
                    }
                    lists.add(indexBuffer, unweighted ? null : valueBuffer, m, b);
                } else if (unweighted) {
                    int m = 0;
                    for (int i = 0; i < n; i++) {
                        if (p[i] == 0) {
                            indexBuffer[m++] = i;
                            listTotals[i] += b;
                        }
                    }
                    constant[0] += b;
                    lists.add(indexBuffer, null, m, b);
                } else {
                    double[] doubled = new double[2 * n];
                    System.arraycopy(p, 0, doubled, 0, n);
                    System.arraycopy(p, 0, doubled, n, n);
                    dense.add(doubled);
                    denseLengths.add(b);
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

        double[] out = DistanceMatrix.allocate(n);
        AtomicLong done = new AtomicLong();
        long work = n + (dense.isEmpty() ? 0 : n / 2);
        pairsThroughLists(lists, n, unweighted, out, options, done, work);
        double[][] stripes = dense.isEmpty() ? null : stripes(dense, denseLengths, n, options, done, work);
        finish(out, n, variant, perSample, listTotals, constant[0], stripes);
        return out;
    }

    /** out[i, j] = Σ over lists holding both i and j of b (unweighted) or b·min(x_i, x_j) (weighted). */
    private static void pairsThroughLists(Lists lists, int n, boolean unweighted, double[] out, BetaDiversity.Options options,
                                          AtomicLong done, long work) {
        // Transpose: for each sample, the (list, position) pairs that hold it.
        int[] counts = new int[n + 1];
        int total = lists.offsets[lists.count];
        for (int e = 0; e < total; e++) {
            counts[lists.samples[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            counts[i + 1] += counts[i];
        }
        int[] next = Arrays.copyOf(counts, n);
        int[] memberOf = new int[total];
        int[] position = new int[total];
        for (int l = 0; l < lists.count; l++) {
            for (int e = lists.offsets[l]; e < lists.offsets[l + 1]; e++) {
                int at = next[lists.samples[e]]++;
                memberOf[at] = l;
                position[at] = e;
            }
        }
        ParallelRows.run(n, options.threads(), () -> {
            double[] acc = new double[n];
            return i -> {
                for (int t = counts[i]; t < counts[i + 1]; t++) {
                    int l = memberOf[t];
                    int end = lists.offsets[l + 1];
                    double b = lists.lengths[l];
                    if (unweighted) {
                        for (int e = position[t] + 1; e < end; e++) {
                            acc[lists.samples[e]] += b;
                        }
                    } else {
                        double xi = lists.values[position[t]];
                        for (int e = position[t] + 1; e < end; e++) {
                            acc[lists.samples[e]] += b * Math.min(xi, lists.values[e]);
                        }
                    }
                }
                int base = DistanceMatrix.index(n, i, i + 1);
                for (int j = i + 1; j < n; j++) {
                    out[base + (j - i - 1)] = acc[j];
                    acc[j] = 0;
                }
                options.progress().report(done.incrementAndGet(), work);
            };
        });
    }

    /** Σ b·|x_i − x_{i+k}| of the dense branches for every stripe k, in parallel over stripes. */
    private static double[][] stripes(List<double[]> dense, List<Double> lengths, int n, BetaDiversity.Options options,
                                      AtomicLong done, long work) {
        int count = n / 2;
        double[][] acc = new double[count][];
        ParallelRows.run(count, options.threads(), () -> {
            double[] shifted = new double[n];
            return stripe -> {
                int k = stripe + 1;
                double[] row = new double[n];
                for (int e = 0; e < dense.size(); e++) {
                    double[] v = dense.get(e);
                    double b = lengths.get(e);
                    // A shifted copy lets the JIT vectorise the loop (it does not when one array is read at two offsets).
                    System.arraycopy(v, k, shifted, 0, n);
                    for (int i = 0; i < n; i++) {
                        row[i] += b * Math.abs(v[i] - shifted[i]);
                    }
                }
                acc[stripe] = row;
                options.progress().report(done.incrementAndGet(), work);
            };
        });
        return acc;
    }

    private static void finish(double[] out, int n, BetaMetric variant, double[] perSample, double[] listTotals, double constant,
                               double[][] stripes) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                double pairSum = out[k];
                double d;
                if (variant == BetaMetric.UNWEIGHTED_UNIFRAC) {
                    // shared = Σ_{listed-present} b + Σ_{listed-absent} b·(1 − [i absent] − [j absent] + [both absent])
                    double shared = pairSum + constant - listTotals[i] - listTotals[j];
                    double union = perSample[i] + perSample[j] - shared;
                    d = union > 0 ? (union - shared) / union : 0;
                } else {
                    double numerator = listTotals[i] + listTotals[j] - 2 * pairSum;
                    if (stripes != null) {
                        int step = j - i;
                        numerator += step <= n / 2 ? stripes[step - 1][i] : stripes[n - step - 1][j];
                    }
                    numerator = Math.max(0, numerator);
                    if (variant == BetaMetric.WEIGHTED_NORMALIZED_UNIFRAC) {
                        double norm = perSample[i] + perSample[j];
                        d = norm > 0 ? numerator / norm : 0;
                    } else {
                        d = numerator;
                    }
                }
                out[k] = d;
            }
        }
    }
}
