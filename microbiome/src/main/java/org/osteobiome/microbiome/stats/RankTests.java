package org.osteobiome.microbiome.stats;

import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Rank tests between groups of one measurement, with ties given their mean rank and the usual tie corrections, as R's
 * {@code kruskal.test} and {@code wilcox.test(exact = FALSE, correct = TRUE)}.
 */
public final class RankTests {
    private RankTests() {
    }

    /** A test's statistic, its degrees of freedom (NaN where none) and p-value. */
    public record Result(double statistic, double df, double pValue) {
    }

    /**
     * Kruskal–Wallis: H = (12/(N(N+1)) Σ R_g²/n_g − 3(N+1)) / (1 − Σ(t³ − t)/(N³ − N)), p from χ² with (groups − 1)
     * degrees of freedom. Groups without a value are left out of the count; fewer than two groups, or all values tied,
     * give NaN.
     *
     * @param values one value per sample
     * @param groups each sample's group index in 0 … groupCount − 1
     */
    public static Result kruskalWallis(double[] values, int[] groups, int groupCount) {
        int n = values.length;
        double[] ranks = PermutationTests.ranks(values);
        double[] rankSums = new double[groupCount];
        int[] sizes = new int[groupCount];
        for (int i = 0; i < n; i++) {
            rankSums[groups[i]] += ranks[i];
            sizes[groups[i]]++;
        }
        double sum = 0;
        int present = 0;
        for (int g = 0; g < groupCount; g++) {
            if (sizes[g] > 0) {
                sum += rankSums[g] * rankSums[g] / sizes[g];
                present++;
            }
        }
        double ties = 1 - tieSum(values) / ((double) n * n * n - n);
        if (present < 2 || ties <= 0) {
            return new Result(Double.NaN, present - 1, Double.NaN);
        }
        double h = (12.0 / ((double) n * (n + 1)) * sum - 3.0 * (n + 1)) / ties;
        double df = present - 1;
        return new Result(h, df, Gamma.regularizedGammaQ(df / 2, Math.max(h, 0) / 2));
    }

    /**
     * Wilcoxon rank-sum (Mann–Whitney) of x against y: W = Σ ranks of x − n_x(n_x+1)/2, two-sided p from the normal
     * approximation with continuity correction and the tie-corrected variance. All values tied give NaN.
     */
    public static Result wilcoxonRankSum(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        double[] all = new double[nx + ny];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        double[] ranks = PermutationTests.ranks(all);
        double rx = 0;
        for (int i = 0; i < nx; i++) {
            rx += ranks[i];
        }
        double w = rx - nx * (nx + 1.0) / 2;
        double n = nx + ny;
        double variance = nx * (double) ny / 12 * ((n + 1) - tieSum(all) / (n * (n - 1)));
        if (nx == 0 || ny == 0 || !(variance > 0)) {
            return new Result(w, Double.NaN, Double.NaN);
        }
        double d = w - nx * (double) ny / 2;
        double z = (d - Math.signum(d) * 0.5) / Math.sqrt(variance);
        return new Result(w, Double.NaN, Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2))));
    }

    /** Σ (t³ − t) over the sizes t of groups of tied values. */
    private static double tieSum(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
