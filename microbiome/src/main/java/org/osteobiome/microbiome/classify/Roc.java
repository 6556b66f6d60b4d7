package org.osteobiome.microbiome.classify;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.osteobiome.core.OsteobiomeException;

/**
 * The area under the ROC curve of scores for binary labels (1 = case), a higher score meaning "more likely a case",
 * with DeLong et al. (1988)'s variance and the normal interval clipped to [0, 1] — R pROC's {@code roc(direction = "<")},
 * {@code var(method = "delong")} and {@code ci.auc(method = "delong")}. Ties count one half.
 *
 * @param auc      area under the curve
 * @param variance DeLong variance: var(V10)/cases + var(V01)/controls, sample variances
 * @param lower    lower end of the interval
 * @param upper    upper end of the interval
 * @param level    confidence level of the interval
 * @param cases    number of label-1 samples
 * @param controls number of label-0 samples
 */
public record Roc(double auc, double variance, double lower, double upper, double level, int cases, int controls) {

    public static Roc of(double[] scores, int[] labels, double level) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        if (!(level > 0 && level < 1)) {
            throw OsteobiomeException.invalid("the confidence level must lie strictly between 0 and 1, got " + level);
        }
        int[] caseIdx = IntStream.range(0, labels.length).filter(i -> labels[i] == 1).toArray();
        int[] controlIdx = IntStream.range(0, labels.length).filter(i -> labels[i] == 0).toArray();
        if (caseIdx.length + controlIdx.length != labels.length) {
            throw new IllegalArgumentException("labels must be 0 or 1");
        }
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw OsteobiomeException.invalid("a score is " + s + "; an ROC curve needs finite scores");
            }
        }
        int m = caseIdx.length;
        int n = controlIdx.length;
        if (m < 2 || n < 2) {
            throw OsteobiomeException.invalid("an AUROC with an interval needs at least 2 cases and 2 controls, got " + m
                    + " and " + n);
        }
        double[] caseScores = Arrays.stream(caseIdx).mapToDouble(i -> scores[i]).toArray();
        double[] controlScores = Arrays.stream(controlIdx).mapToDouble(i -> scores[i]).toArray();
        double[] sortedControls = controlScores.clone();
        Arrays.sort(sortedControls);
        double[] sortedCases = caseScores.clone();
        Arrays.sort(sortedCases);
        double[] v10 = new double[m];
        for (int i = 0; i < m; i++) {
            v10[i] = below(sortedControls, caseScores[i]) / n;
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = (m - below(sortedCases, controlScores[j])) / m;
        }
        double auc = mean(v10);
        double variance = sampleVariance(v10) / m + sampleVariance(v01) / n;
        double lower = auc;
        double upper = auc;
        if (variance > 0) {
            NormalDistribution normal = new NormalDistribution(auc, Math.sqrt(variance));
            lower = Math.max(0, normal.inverseCumulativeProbability((1 - level) / 2));
            upper = Math.min(1, normal.inverseCumulativeProbability((1 + level) / 2));
        }
        return new Roc(auc, variance, lower, upper, level, m, n);
    }

    /** How many sorted values lie below x, ties counting one half. */
    private static double below(double[] sorted, double x) {
        int lo = lowerBound(sorted, x);
        int hi = upperBound(sorted, x);
        return lo + 0.5 * (hi - lo);
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sampleVariance(double[] v) {
        double mu = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - mu) * (x - mu);
        }
        return s / (v.length - 1);
    }

    /**
     * Average precision (area under the precision–recall curve as a step function): Σ over thresholds of
     * (recall_k − recall_{k−1}) · precision_k, tied scores taken as one threshold (scikit-learn's definition).
     */
    public static double averagePrecision(double[] scores, int[] labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = (int) Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int fp = 0;
        double lastRecall = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            boolean thresholdEnds = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (thresholdEnds) {
                double recall = (double) tp / positives;
                ap += (recall - lastRecall) * tp / (tp + fp);
                lastRecall = recall;
            }
        }
        return ap;
    }

    /** ROC curve points (false-positive rate, true-positive rate) from the highest threshold down, starting at (0, 0). */
    public static double[][] curve(double[] scores, int[] labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = (int) Arrays.stream(labels).filter(l -> l == 1).count();
        int negatives = labels.length - positives;
        java.util.List<double[]> points = new java.util.ArrayList<>();
        points.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (k == order.length - 1 || scores[order[k + 1]] != scores[order[k]]) {
                points.add(new double[] {(double) fp / negatives, (double) tp / positives});
            }
        }
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }
}
