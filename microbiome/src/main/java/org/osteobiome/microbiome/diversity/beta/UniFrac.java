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
        Branches b = Branches.of(table, tree, variant, tableName);
        int n = table.sampleCount();
        double[] out = DistanceMatrix.allocate(n);
        AtomicLong done = new AtomicLong();
        long work = n + (b.dense.isEmpty() ? 0 : n / 2);
        pairsThroughLists(b.lists, n, b.unweighted, out, options, done, work);
        double[][] stripes = b.dense.isEmpty() ? null : stripes(b.dense, b.denseLengths, n, options, done, work);
        finish(out, n, variant, b.perSample, b.listTotals, b.constant, stripes);
        return out;
    }

    /** The block form ({@link DistanceBlocks}): the same tree pass, then any rectangle of pairs. */
    static SharedFeatureDistances.RowKernel blocks(FeatureTable table, PhyloTree tree, BetaMetric variant, String tableName) {
        return new Block(Branches.of(table, tree, variant, tableName), table.sampleCount(), variant);
    }

    /** What the pass over the tree leaves: per-sample totals, the branches' sample lists and the dense branches. */
    private static final class Branches {
        final boolean unweighted;
        final double[] perSample;      // PD_i (unweighted) or Σ_v b·p_iv (weighted normalisation)
        final double[] listTotals;     // unweighted: A_i; weighted: S_i = Σ_{listed v} b·p_iv
        final double constant;         // unweighted: total length of branches handled through absent lists
        final Lists lists;
        final List<double[]> dense;
        final List<Double> denseLengths;

        private Branches(boolean unweighted, double[] perSample, double[] listTotals, double constant, Lists lists, List<double[]> dense,
                         List<Double> denseLengths) {
            this.unweighted = unweighted;
            this.perSample = perSample;
            this.listTotals = listTotals;
            this.constant = constant;
            this.lists = lists;
            this.dense = dense;
            this.denseLengths = denseLengths;
        }

        static Branches of(FeatureTable table, PhyloTree tree, BetaMetric variant, String tableName) {
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

            double[] perSample = new double[n];
            double[] listTotals = new double[n];
            double[] constant = new double[1];
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
            return new Branches(unweighted, perSample, listTotals, constant[0], lists, dense, denseLengths);
        }
    }

    /** out[i, j] = Σ over lists holding both i and j of b (unweighted) or b·min(x_i, x_j) (weighted). */
    private static void pairsThroughLists(Lists lists, int n, boolean unweighted, double[] out, BetaDiversity.Options options,
                                          AtomicLong done, long work) {
        int[][] transposed = transpose(lists, n);
        int[] counts = transposed[0];
        int[] memberOf = transposed[1];
        int[] position = transposed[2];
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

    /**
     * For each sample, the (list, position) pairs that hold it, lists ascending: {@code [0]} the offsets per sample,
     * {@code [1]} the list, {@code [2]} the position in the concatenated lists.
     */
    private static int[][] transpose(Lists lists, int n) {
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
        return new int[][] {counts, memberOf, position};
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
                double stripe = 0;
                if (stripes != null) {
                    int step = j - i;
                    stripe = step <= n / 2 ? stripes[step - 1][i] : stripes[n - step - 1][j];
                }
                out[k] = distance(variant, out[k], perSample, listTotals, constant, i, j, stripes != null, stripe);
            }
        }
    }

    /** The distance of the pair i &lt; j from its sum over shared lists and (weighted) its dense branches' sum. */
    private static double distance(BetaMetric variant, double pairSum, double[] perSample, double[] listTotals, double constant, int i,
                                   int j, boolean hasStripes, double stripe) {
        if (variant == BetaMetric.UNWEIGHTED_UNIFRAC) {
            // shared = Σ_{listed-present} b + Σ_{listed-absent} b·(1 − [i absent] − [j absent] + [both absent])
            double shared = pairSum + constant - listTotals[i] - listTotals[j];
            double union = perSample[i] + perSample[j] - shared;
            return union > 0 ? (union - shared) / union : 0;
        }
        double numerator = listTotals[i] + listTotals[j] - 2 * pairSum;
        if (hasStripes) {
            numerator += stripe;
        }
        numerator = Math.max(0, numerator);
        if (variant == BetaMetric.WEIGHTED_NORMALIZED_UNIFRAC) {
            double norm = perSample[i] + perSample[j];
            return norm > 0 ? numerator / norm : 0;
        }
        return numerator;
    }

    /**
     * Rows of pairs for {@link DistanceBlocks}. A pair's list sum runs over the lists holding both samples in ascending
     * list order and its dense sum over the dense branches in order, from either sample's row, so every number is the
     * one {@link #compute} gives.
     */
    private static final class Block implements SharedFeatureDistances.RowKernel {
        private final Branches b;
        private final int n;
        private final BetaMetric variant;
        private final int[] counts;
        private final int[] memberOf;
        private final int[] position;
        private final double[] denseLengths;

        Block(Branches b, int n, BetaMetric variant) {
            this.b = b;
            this.n = n;
            this.variant = variant;
            int[][] transposed = transpose(b.lists, n);
            counts = transposed[0];
            memberOf = transposed[1];
            position = transposed[2];
            denseLengths = b.denseLengths.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public void row(int i, int c0, int c1, double[] acc, double[] out, int at) {
            Lists lists = b.lists;
            for (int t = counts[i]; t < counts[i + 1]; t++) {
                int l = memberOf[t];
                int end = lists.offsets[l + 1];
                double length = lists.lengths[l];
                int found = Arrays.binarySearch(lists.samples, lists.offsets[l], end, c0); // a list's samples are distinct, ascending
                int e = found >= 0 ? found : -found - 1;
                if (b.unweighted) {
                    for (; e < end && lists.samples[e] < c1; e++) {
                        acc[lists.samples[e] - c0] += length;
                    }
                } else {
                    double xi = lists.values[position[t]];
                    for (; e < end && lists.samples[e] < c1; e++) {
                        acc[lists.samples[e] - c0] += length * Math.min(xi, lists.values[e]);
                    }
                }
            }
            boolean hasStripes = !b.dense.isEmpty();
            double[] stripe = hasStripes ? new double[c1 - c0] : null;
            for (int d = 0; hasStripes && d < denseLengths.length; d++) {
                // branch by branch over the row, so that each pair's sum runs over the dense branches in order, as the
                // stripes do, in a loop the JIT can vectorise
                double[] v = b.dense.get(d);
                double length = denseLengths[d];
                double vi = v[i];
                for (int j = c0; j < c1; j++) {
                    stripe[j - c0] += length * Math.abs(vi - v[j]);
                }
            }
            for (int j = c0; j < c1; j++) {
                double pairSum = acc[j - c0];
                acc[j - c0] = 0;
                if (j == i) {
                    out[at + (j - c0)] = 0;
                    continue;
                }
                out[at + (j - c0)] = distance(variant, pairSum, b.perSample, b.listTotals, b.constant, Math.min(i, j), Math.max(i, j),
                        hasStripes, hasStripes ? stripe[j - c0] : 0);
            }
        }
    }
}
