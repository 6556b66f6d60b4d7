package org.osteobiome.microbiome.classify;

import org.osteobiome.core.OsteobiomeException;

/**
 * Penalised logistic regression with the objective of R glmnet (Friedman, Hastie &amp; Tibshirani 2010) for
 * {@code family = "binomial", standardize = TRUE}: minimise
 * −(1/n) Σ [y_i η_i − log(1 + e^{η_i})] + λ Σ_j [(1 − α)/2 β̃_j² + α |β̃_j|]
 * over the coefficients β̃ of the predictors standardised to mean 0 and variance 1 (1/n), intercept unpenalised;
 * coefficients are returned on the original scale. Solved by proximal Newton: iteratively reweighted least squares,
 * each weighted problem by cyclic coordinate descent, with step halving when a Newton step does not lower the
 * objective, and glmnet's active-set cycling. {@link #fit} runs to {@link #EXACT} — the optimum itself, so the
 * coefficients agree with glmnet's at tight thresholds; tuning paths stop at glmnet's default {@link #TUNING}.
 */
public final class ElasticNetLogistic {
    private ElasticNetLogistic() {
    }

    /** A fitted model on the original predictor scale. */
    public record Model(double intercept, double[] coefficients, double alpha, double lambda) {
        public double linear(double[] x) {
            double eta = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                eta += coefficients[j] * x[j];
            }
            return eta;
        }

        public double probability(double[] x) {
            return 1 / (1 + Math.exp(-linear(x)));
        }

        public int nonZero() {
            int k = 0;
            for (double b : coefficients) {
                k += b != 0 ? 1 : 0;
            }
            return k;
        }
    }

    /** Predictors standardised once for a whole path. */
    private record Standardised(double[][] columns, double[] means, double[] scales, int n, int p) {
        static Standardised of(double[][] x) {
            int n = x.length;
            int p = x[0].length;
            double[][] cols = new double[p][n];
            double[] means = new double[p];
            double[] scales = new double[p];
            for (int j = 0; j < p; j++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += x[i][j];
                }
                mean /= n;
                double var = 0;
                for (int i = 0; i < n; i++) {
                    double d = x[i][j] - mean;
                    var += d * d;
                }
                double sd = Math.sqrt(var / n);
                means[j] = mean;
                scales[j] = sd;
                for (int i = 0; i < n; i++) {
                    cols[j][i] = sd > 0 ? (x[i][j] - mean) / sd : 0;
                }
            }
            return new Standardised(cols, means, scales, n, p);
        }
    }

    /** Convergence of a fit that must reach the optimum itself (reference agreement, final models). */
    public static final double EXACT = 1e-22;
    /** Convergence for tuning paths: glmnet's default threshold. */
    public static final double TUNING = 1e-7;

    /** One fit at one penalty, to the optimum. */
    public static Model fit(double[][] x, int[] y, double alpha, double lambda) {
        return path(x, y, alpha, new double[] {lambda}, EXACT)[0];
    }

    /**
     * Fits along a decreasing sequence of penalties, each warm-started from the one before.
     *
     * @param tolerance a coordinate-descent pass ends when no coefficient moves by more than this in curvature-weighted
     *                  squared change (glmnet's {@code thresh}); a fit ends when the objective changes by less than this
     */
    public static Model[] path(double[][] x, int[] y, double alpha, double[] lambdas, double tolerance) {
        check(x, y, alpha);
        Standardised s = Standardised.of(x);
        int n = s.n();
        int p = s.p();
        double[] beta = new double[p];
        double ybar = 0;
        for (int v : y) {
            ybar += v;
        }
        ybar /= n;
        double b0 = Math.log(ybar / (1 - ybar));
        Model[] out = new Model[lambdas.length];
        double[] eta = new double[n];
        double[] w = new double[n];
        double[] z = new double[n];
        double[] r = new double[n];
        for (int l = 0; l < lambdas.length; l++) {
            double lambda = lambdas[l];
            if (!(lambda >= 0) || !Double.isFinite(lambda)) {
                throw OsteobiomeException.invalid("the penalty λ must be a finite number ≥ 0, got " + lambda);
            }
            double objective = objective(s, y, b0, beta, alpha, lambda, eta);
            for (int outer = 0; outer < 1000; outer++) {
                linear(s, b0, beta, eta);
                for (int i = 0; i < n; i++) {
                    double prob = 1 / (1 + Math.exp(-eta[i]));
                    prob = Math.min(Math.max(prob, 1e-10), 1 - 1e-10);
                    w[i] = prob * (1 - prob);
                    z[i] = eta[i] + (y[i] - prob) / w[i];
                }
                double[] newBeta = beta.clone();
                double newB0 = coordinateDescent(s, w, z, r, b0, newBeta, alpha, lambda, tolerance);
                // step halving on the penalised objective
                double step = 1;
                double candidate = Double.NaN;
                double[] trial = new double[p];
                double trialB0 = 0;
                for (int halving = 0; halving < 60; halving++) {
                    for (int j = 0; j < p; j++) {
                        trial[j] = beta[j] + step * (newBeta[j] - beta[j]);
                    }
                    trialB0 = b0 + step * (newB0 - b0);
                    candidate = objective(s, y, trialB0, trial, alpha, lambda, eta);
                    if (candidate <= objective + 1e-15 * Math.abs(objective)) {
                        break;
                    }
                    step /= 2;
                }
                double change = Math.abs(trialB0 - b0);
                for (int j = 0; j < p; j++) {
                    change = Math.max(change, Math.abs(trial[j] - beta[j]));
                }
                System.arraycopy(trial, 0, beta, 0, p);
                b0 = trialB0;
                boolean converged = Math.abs(objective - candidate) <= Math.max(tolerance, 1e-16) * Math.max(1, Math.abs(objective))
                        && change * change <= tolerance * 100;
                objective = candidate;
                if (converged) {
                    break;
                }
            }
            double[] coef = new double[p];
            double intercept = b0;
            for (int j = 0; j < p; j++) {
                coef[j] = s.scales()[j] > 0 ? beta[j] / s.scales()[j] : 0;
                intercept -= coef[j] * s.means()[j];
            }
            out[l] = new Model(intercept, coef, alpha, lambda);
        }
        return out;
    }

    /** The smallest λ at which every coefficient is zero (glmnet's λ_max), for a path that starts empty. */
    public static double lambdaMax(double[][] x, int[] y, double alpha) {
        check(x, y, alpha);
        Standardised s = Standardised.of(x);
        double ybar = 0;
        for (int v : y) {
            ybar += v;
        }
        ybar /= s.n();
        double max = 0;
        for (int j = 0; j < s.p(); j++) {
            double dot = 0;
            for (int i = 0; i < s.n(); i++) {
                dot += s.columns()[j][i] * (y[i] - ybar);
            }
            max = Math.max(max, Math.abs(dot) / s.n());
        }
        return max / Math.max(alpha, 1e-3);
    }

    /** {@code count} penalties log-spaced from λ_max down to ratio·λ_max. */
    public static double[] lambdaPath(double[][] x, int[] y, double alpha, int count, double ratio) {
        double max = lambdaMax(x, y, alpha);
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = max * Math.pow(ratio, count == 1 ? 0 : (double) k / (count - 1));
        }
        return out;
    }

    private static double coordinateDescent(Standardised s, double[] w, double[] z, double[] r, double b0, double[] beta,
                                            double alpha, double lambda, double tolerance) {
        int n = s.n();
        int p = s.p();
        double[][] cols = s.columns();
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            wsum += w[i];
        }
        double[] curvature = new double[p];
        for (int j = 0; j < p; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += w[i] * cols[j][i] * cols[j][i];
            }
            curvature[j] = c / n;
        }
        for (int i = 0; i < n; i++) {
            r[i] = z[i] - b0;
        }
        for (int j = 0; j < p; j++) {
            if (beta[j] != 0) {
                for (int i = 0; i < n; i++) {
                    r[i] -= cols[j][i] * beta[j];
                }
            }
        }
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        double limit = tolerance;
        double[] b0Holder = {b0};
        // glmnet's active-set cycling: a full sweep, then sweeps over the non-zero coefficients until they settle,
        // then a full sweep again to confirm that no other coefficient wants to enter
        for (int round = 0; round < 10_000; round++) {
            double change = sweep(cols, w, r, curvature, beta, l1, l2, n, p, false, wsum, b0Holder);
            if (change < limit) {
                break;
            }
            for (int inner = 0; inner < 100_000; inner++) {
                if (sweep(cols, w, r, curvature, beta, l1, l2, n, p, true, wsum, b0Holder) < limit) {
                    break;
                }
            }
        }
        return b0Holder[0];
    }

    private static double sweep(double[][] cols, double[] w, double[] r, double[] curvature, double[] beta, double l1,
                                double l2, int n, int p, boolean activeOnly, double wsum, double[] b0) {
        double maxChange = 0;
        for (int j = 0; j < p; j++) {
            if (curvature[j] == 0 || (activeOnly && beta[j] == 0)) {
                continue;
            }
            double[] col = cols[j];
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += w[i] * col[i] * r[i];
            }
            g = g / n + curvature[j] * beta[j];
            double updated = softThreshold(g, l1) / (curvature[j] + l2);
            double delta = updated - beta[j];
            if (delta != 0) {
                for (int i = 0; i < n; i++) {
                    r[i] -= delta * col[i];
                }
                beta[j] = updated;
                maxChange = Math.max(maxChange, curvature[j] * delta * delta);
            }
        }
        double shift = 0;
        for (int i = 0; i < n; i++) {
            shift += w[i] * r[i];
        }
        shift /= wsum;
        if (shift != 0) {
            b0[0] += shift;
            for (int i = 0; i < n; i++) {
                r[i] -= shift;
            }
            maxChange = Math.max(maxChange, wsum / n * shift * shift);
        }
        return maxChange;
    }

    private static double softThreshold(double g, double t) {
        return g > t ? g - t : g < -t ? g + t : 0;
    }

    private static void linear(Standardised s, double b0, double[] beta, double[] eta) {
        java.util.Arrays.fill(eta, b0);
        for (int j = 0; j < s.p(); j++) {
            if (beta[j] != 0) {
                double[] col = s.columns()[j];
                for (int i = 0; i < s.n(); i++) {
                    eta[i] += beta[j] * col[i];
                }
            }
        }
    }

    private static double objective(Standardised s, int[] y, double b0, double[] beta, double alpha, double lambda,
                                    double[] eta) {
        linear(s, b0, beta, eta);
        double loss = 0;
        for (int i = 0; i < s.n(); i++) {
            // log(1 + e^η) − yη, computed without overflow
            double e = eta[i];
            loss += (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))) - y[i] * e;
        }
        double penalty = 0;
        for (double b : beta) {
            penalty += (1 - alpha) / 2 * b * b + alpha * Math.abs(b);
        }
        return loss / s.n() + lambda * penalty;
    }

    private static void check(double[][] x, int[] y, double alpha) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(x.length + " rows for " + y.length + " labels");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw OsteobiomeException.invalid("the elastic-net mixing α must lie in [0, 1] (1 = lasso), got " + alpha);
        }
        int cases = 0;
        for (int v : y) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1");
            }
            cases += v;
        }
        if (cases == 0 || cases == y.length) {
            throw OsteobiomeException.invalid("a classifier needs samples of both classes, got " + cases + " cases of " + y.length);
        }
        for (double[] row : x) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw OsteobiomeException.invalid("a predictor value is " + v + "; the classifier needs finite values");
                }
            }
        }
    }
}
