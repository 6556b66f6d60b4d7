package org.osteobiome.microbiome.stats;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.osteobiome.core.OsteobiomeException;

/**
 * Ordinary least squares for many responses against one design (as R {@code lm}): the design is factored once
 * (thin QR), each response costs one matrix-vector product. Two-sided t tests on n − p degrees of freedom.
 */
public final class LinearModel {
    private final double[][] design;
    private final List<String> columns;
    private final double[][] solve;   // (XᵀX)⁻¹Xᵀ, p × n
    private final double[] unscaledVariance; // diag (XᵀX)⁻¹
    private final int residualDf;

    /** One response's fit. */
    public record Fit(double[] coefficients, double[] standardErrors, double[] tStatistics, double[] pValues,
                      double sigma, int residualDf) {
    }

    /**
     * @param design  n × p, intercept column included by the caller
     * @param columns names of the p columns (for the message when the design is rank deficient)
     */
    public LinearModel(double[][] design, List<String> columns) {
        int n = design.length;
        int p = columns.size();
        if (n <= p) {
            throw OsteobiomeException.invalid("a linear model with " + p + " terms (" + String.join(", ", columns)
                    + ") needs more than " + p + " samples, got " + n);
        }
        this.design = design;
        this.columns = List.copyOf(columns);
        // thin QR by modified Gram–Schmidt, each column orthogonalised twice ("twice is enough", Giraud et al. 2005)
        double[][] q = new double[p][n];
        double[][] r = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] v = q[j];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                v[i] = design[i][j];
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[k][i] * v[i];
                    }
                    r[k][j] += dot;
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * q[k][i];
                    }
                }
            }
            double rest = 0;
            for (int i = 0; i < n; i++) {
                rest += v[i] * v[i];
            }
            rest = Math.sqrt(rest);
            if (rest <= 1e-10 * Math.max(norm, 1e-300)) {
                throw OsteobiomeException.invalid("the term '" + columns.get(j) + "' is constant or a combination of the "
                        + "terms before it (" + String.join(", ", columns.subList(0, j))
                        + ") among these samples; drop it or choose other covariates");
            }
            r[j][j] = rest;
            for (int i = 0; i < n; i++) {
                v[i] /= rest;
            }
        }
        double[][] rInverse = new double[p][p]; // upper triangular
        for (int j = p - 1; j >= 0; j--) {
            rInverse[j][j] = 1 / r[j][j];
            for (int k = j + 1; k < p; k++) {
                double s = 0;
                for (int m = j + 1; m <= k; m++) {
                    s += r[j][m] * rInverse[m][k];
                }
                rInverse[j][k] = -s / r[j][j];
            }
        }
        this.solve = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                double c = rInverse[j][k];
                for (int i = 0; i < n; i++) {
                    solve[j][i] += c * q[k][i];
                }
            }
        }
        this.unscaledVariance = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += rInverse[j][k] * rInverse[j][k];
            }
            unscaledVariance[j] = s;
        }
        this.residualDf = n - p;
    }

    public List<String> columns() {
        return columns;
    }

    public int sampleCount() {
        return design.length;
    }

    public Fit fit(double[] y) {
        int n = design.length;
        int p = columns.size();
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            double[] row = solve[j];
            for (int i = 0; i < n; i++) {
                s += row[i] * y[i];
            }
            beta[j] = s;
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int j = 0; j < p; j++) {
                fitted += design[i][j] * beta[j];
            }
            double e = y[i] - fitted;
            rss += e * e;
        }
        double sigma2 = rss / residualDf;
        double[] se = new double[p];
        double[] t = new double[p];
        double[] pv = new double[p];
        TDistribution dist = new TDistribution(residualDf);
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(sigma2 * unscaledVariance[j]);
            t[j] = beta[j] / se[j];
            pv[j] = se[j] > 0 ? 2 * dist.cumulativeProbability(-Math.abs(t[j])) : Double.NaN;
        }
        return new Fit(beta, se, t, pv, Math.sqrt(sigma2), residualDf);
    }
}
