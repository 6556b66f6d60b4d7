package org.osteobiome.microbiome.cohort;

import java.util.Arrays;
import org.osteobiome.core.Quantiles;

/**
 * The compositional bias of log-ratio coefficients, estimated and removed in the spirit of ANCOM-BC (Lin &amp;
 * Peddada 2020, Nat Commun 11:3514). With CLR responses every taxon's coefficient carries the same offset δ — the
 * shift of the samples' geometric mean, i.e. of their sampling fractions — so β̂_j = β_j + δ. If most taxa do not
 * change, δ is the mode of the β̂_j. Here the mode is found by mean shift on a Gaussian kernel density (Silverman's
 * bandwidth); δ̂ is then the inverse-variance weighted mean of the coefficients within two standard errors of that
 * mode (the taxa consistent with no change), and its variance 1/Σ w_j is added to each taxon's.
 *
 * @param delta    estimated bias
 * @param variance its variance
 * @param nullTaxa how many taxa the estimate rests on
 */
public record CompositionalBias(double delta, double variance, int nullTaxa) {

    public static CompositionalBias estimate(double[] beta, double[] se) {
        int m = beta.length;
        if (m < 3) {
            return new CompositionalBias(0, 0, 0);
        }
        double mode = mode(beta);
        double weights = 0;
        double sum = 0;
        int used = 0;
        for (int j = 0; j < m; j++) {
            if (se[j] > 0 && Math.abs(beta[j] - mode) <= 2 * se[j]) {
                double w = 1 / (se[j] * se[j]);
                weights += w;
                sum += w * beta[j];
                used++;
            }
        }
        if (used == 0) {
            return new CompositionalBias(mode, 0, 0);
        }
        return new CompositionalBias(sum / weights, 1 / weights, used);
    }

    /** The highest mode of a Gaussian kernel density of the values, by mean shift from the median. */
    static double mode(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double mean = Arrays.stream(sorted).average().orElse(0);
        double var = 0;
        for (double v : sorted) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / (m - 1));
        double iqr = Quantiles.of(sorted, 0.75) - Quantiles.of(sorted, 0.25);
        double spread = Math.min(sd, iqr / 1.34);
        if (!(spread > 0)) {
            spread = sd > 0 ? sd : 1e-12;
        }
        double h = 0.9 * spread * Math.pow(m, -0.2);
        // start mean shift from every decile and keep the start that reaches the highest density
        double best = Quantiles.of(sorted, 0.5);
        double bestDensity = -1;
        for (int d = 1; d <= 9; d++) {
            double x = Quantiles.of(sorted, d / 10.0);
            for (int iter = 0; iter < 500; iter++) {
                double num = 0;
                double den = 0;
                for (double v : sorted) {
                    double k = Math.exp(-0.5 * ((v - x) / h) * ((v - x) / h));
                    num += k * v;
                    den += k;
                }
                double next = num / den;
                if (Math.abs(next - x) < 1e-12 * (1 + Math.abs(x))) {
                    x = next;
                    break;
                }
                x = next;
            }
            double density = 0;
            for (double v : sorted) {
                density += Math.exp(-0.5 * ((v - x) / h) * ((v - x) / h));
            }
            if (density > bestDensity * (1 + 1e-12)) {
                bestDensity = density;
                best = x;
            }
        }
        return best;
    }
}
