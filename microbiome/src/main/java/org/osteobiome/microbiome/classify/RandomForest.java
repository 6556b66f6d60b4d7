package org.osteobiome.microbiome.classify;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;

/**
 * A random forest of healthy (0) versus at-risk (1) samples (Breiman 2001, as R's randomForest for classification):
 * each tree grows on a bootstrap sample to pure leaves (node size 1), every split choosing the best Gini decrease among
 * {@code mtry} features drawn afresh; the probability is the mean over trees of the leaf's at-risk share (the vote
 * share, since grown leaves are pure). Features are cut into at most {@value #BINS} quantile bins of the training
 * values first, so a split is found from a histogram in time proportional to the node's samples; thresholds lie
 * midway between adjacent training values, as an exact search would place them where a feature has few distinct
 * values. Importance is the mean decrease in Gini impurity, weighted by the samples in each node (randomForest's
 * MeanDecreaseGini), as a share of the total. Tree t draws from a generator seeded by (seed, t).
 */
public final class RandomForest {
    static final int BINS = 64;

    private final Tree[] trees;
    private final double[] importance;
    private final double outOfBagBrier;

    private RandomForest(Tree[] trees, double[] importance, double outOfBagBrier) {
        this.trees = trees;
        this.importance = importance;
        this.outOfBagBrier = outOfBagBrier;
    }

    /** @param mtry features each split may choose from (randomForest's default is ⌊√p⌋) */
    public static RandomForest fit(double[][] x, int[] y, int treeCount, int mtry, long seed) {
        int n = x.length;
        int p = x[0].length;
        if (treeCount < 1 || mtry < 1 || mtry > p) {
            throw OsteobiomeException.invalid("a forest needs ≥ 1 tree and 1 ≤ mtry ≤ " + p + " features; got " + treeCount
                    + " trees, mtry " + mtry);
        }
        double[][] cuts = new double[p][];
        byte[][] bins = new byte[p][n];
        for (int j = 0; j < p; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = x[i][j];
            }
            cuts[j] = cuts(column);
            for (int i = 0; i < n; i++) {
                bins[j][i] = (byte) bin(cuts[j], column[i]);
            }
        }
        Tree[] trees = new Tree[treeCount];
        double[] importance = new double[p];
        double[] oobVotes = new double[n];
        int[] oobTrees = new int[n];
        for (int t = 0; t < treeCount; t++) {
            SplittableRandom random = Parallel.random(seed, t);
            int[] weight = new int[n];
            for (int i = 0; i < n; i++) {
                weight[random.nextInt(n)]++;
            }
            int[] members = java.util.stream.IntStream.range(0, n).filter(i -> weight[i] > 0).toArray();
            trees[t] = new Grower(bins, cuts, y, weight, mtry, random, importance).grow(members);
            for (int i = 0; i < n; i++) {
                if (weight[i] == 0) {
                    oobVotes[i] += trees[t].predict(x[i]);
                    oobTrees[i]++;
                }
            }
        }
        double total = Arrays.stream(importance).sum();
        for (int j = 0; j < p; j++) {
            importance[j] = total > 0 ? importance[j] / total : 0;
        }
        double brier = 0;
        int scored = 0;
        for (int i = 0; i < n; i++) {
            if (oobTrees[i] > 0) {
                double e = oobVotes[i] / oobTrees[i] - y[i];
                brier += e * e;
                scored++;
            }
        }
        return new RandomForest(trees, importance, scored > 0 ? brier / scored : Double.NaN);
    }

    /**
     * The out-of-bag Brier score: each training sample scored by the trees whose bootstrap left it out (mean squared
     * difference of their vote share and its label), NaN when no sample was ever left out.
     */
    public double outOfBagBrier() {
        return outOfBagBrier;
    }

    /** Mean over the trees of the at-risk share of the leaf the sample reaches. */
    public double probability(double[] features) {
        double sum = 0;
        for (Tree t : trees) {
            sum += t.predict(features);
        }
        return sum / trees.length;
    }

    /** Mean decrease in Gini impurity per feature, as a share of the total. */
    public double[] importance() {
        return importance.clone();
    }

    /** Cut points: midpoints between adjacent distinct values, thinned to at most BINS − 1 at quantiles. */
    static double[] cuts(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        int gaps = distinct.length - 1;
        int count = Math.min(gaps, BINS - 1);
        double[] out = new double[count];
        for (int c = 0; c < count; c++) {
            int g = count == gaps ? c : (int) Math.round((c + 1.0) * gaps / (count + 1.0) - 0.5);
            g = Math.max(0, Math.min(gaps - 1, g));
            out[c] = 0.5 * (distinct[g] + distinct[g + 1]);
        }
        return Arrays.stream(out).distinct().toArray();
    }

    /** The bin of v: the number of cut points below it (v ≤ cut k goes to bins ≤ k). */
    static int bin(double[] cuts, double v) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v > cuts[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A grown tree in flat arrays: feature −1 marks a leaf. */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
        double predict(double[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return value[node];
        }
    }

    /** Grows one tree. */
    private static final class Grower {
        private final byte[][] bins;
        private final double[][] cuts;
        private final int[] y;
        private final int[] weight;
        private final int mtry;
        private final SplittableRandom random;
        private final double[] importance;
        private final int[] order;
        private final double[][] histogram = new double[2][BINS];
        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] value = new double[64];
        private int size;

        Grower(byte[][] bins, double[][] cuts, int[] y, int[] weight, int mtry, SplittableRandom random, double[] importance) {
            this.bins = bins;
            this.cuts = cuts;
            this.y = y;
            this.weight = weight;
            this.mtry = mtry;
            this.random = random;
            this.importance = importance;
            this.order = java.util.stream.IntStream.range(0, bins.length).toArray();
        }

        Tree grow(int[] members) {
            node(members, 0, members.length);
            return new Tree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                    Arrays.copyOf(right, size), Arrays.copyOf(value, size));
        }

        /** Grows the node of members[from, to) and returns its index. */
        private int node(int[] members, int from, int to) {
            int id = add();
            double w0 = 0;
            double w1 = 0;
            for (int k = from; k < to; k++) {
                int i = members[k];
                if (y[i] == 1) {
                    w1 += weight[i];
                } else {
                    w0 += weight[i];
                }
            }
            double total = w0 + w1;
            value[id] = w1 / total;
            feature[id] = -1;
            if (w0 == 0 || w1 == 0 || to - from < 2) {
                return id;
            }
            double parentGini = total - (w0 * w0 + w1 * w1) / total; // weighted: total × Gini
            int bestFeature = -1;
            int bestBin = -1;
            double bestDecrease = 1e-12 * total;
            for (int d = 0; d < mtry; d++) {
                int pick = d + random.nextInt(order.length - d);
                int j = order[pick];
                order[pick] = order[d];
                order[d] = j;
                if (cuts[j].length == 0) {
                    continue;
                }
                // Only the bins this node's samples fall in are filled, scanned and cleared again: small nodes, the
                // many near the leaves, touch a few bins instead of all of them.
                byte[] b = bins[j];
                int lo = BINS;
                int hi = -1;
                for (int k = from; k < to; k++) {
                    int i = members[k];
                    int c = b[i];
                    histogram[y[i]][c] += weight[i];
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                }
                double l0 = 0;
                double l1 = 0;
                for (int c = lo; c < hi; c++) {
                    l0 += histogram[0][c];
                    l1 += histogram[1][c];
                    double nl = l0 + l1;
                    if (nl == 0) {
                        continue;
                    }
                    double nr = total - nl;
                    double r0 = w0 - l0;
                    double r1 = w1 - l1;
                    double children = nl - (l0 * l0 + l1 * l1) / nl + nr - (r0 * r0 + r1 * r1) / nr;
                    double decrease = parentGini - children;
                    if (decrease > bestDecrease) {
                        bestDecrease = decrease;
                        bestFeature = j;
                        bestBin = c;
                    }
                }
                for (int c = lo; c <= hi; c++) {
                    histogram[0][c] = 0;
                    histogram[1][c] = 0;
                }
            }
            if (bestFeature < 0) {
                return id;
            }
            importance[bestFeature] += bestDecrease;
            byte[] b = bins[bestFeature];
            int mid = from;
            for (int k = from; k < to; k++) {
                if (b[members[k]] <= bestBin) {
                    int tmp = members[mid];
                    members[mid] = members[k];
                    members[k] = tmp;
                    mid++;
                }
            }
            feature[id] = bestFeature;
            threshold[id] = cuts[bestFeature][bestBin];
            int l = node(members, from, mid);
            int r = node(members, mid, to);
            left[id] = l;
            right[id] = r;
            return id;
        }

        private int add() {
            if (size == feature.length) {
                int cap = size * 2;
                feature = Arrays.copyOf(feature, cap);
                threshold = Arrays.copyOf(threshold, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                value = Arrays.copyOf(value, cap);
            }
            return size++;
        }
    }
}
