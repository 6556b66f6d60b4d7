package org.osteobiome.microbiome.ordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;

/**
 * Principal coordinates analysis (Gower 1966): double-centre −½·D², then eigen-decompose. Exact: the full
 * symmetric eigen-decomposition ({@link SymmetricEigen}), all eigenvalues reported. Randomized: the leading eigenpairs by a
 * seeded randomized range finder with power iterations (Halko, Martinsson and Tropp 2011), for large n.
 */
public final class Pcoa {
    /** Above this many samples the exact method takes seconds to minutes (O(n³)); the CLI switches to the randomized one. */
    public static final int EXACT_LIMIT = 1000;
    /** Subspace iterations of the randomized method. */
    static final int POWER_ITERATIONS = 12;
    /**
     * Extra basis vectors of the randomized method (at least as many as axes asked for). With 12 power iterations,
     * 30 gives every one of 10 axes 6–7 correct digits of its eigenvalue and coordinates on Bray–Curtis of synthetic
     * tables with a flat spectrum (500–5,000 samples, bench PcoaAccuracy); 10 gave the trailing axes only 3, at half
     * the time (docs/benchmarks.md).
     */
    static final int OVERSAMPLING = 30;

    private Pcoa() {
    }

    /** Gower-centred matrix B = −½·J·D²·J as a dense array. */
    static double[][] centred(DistanceMatrix dm) {
        int n = dm.size();
        MemoryBudget.require(8.0 * n * n, "an ordination of " + n + " samples (a dense " + n + " × " + n + " matrix)",
                "ordinate fewer samples");
        double[][] b = new double[n][n];
        double[] rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = dm.get(i, j);
                b[i][j] = -0.5 * d * d;
                rowMean[i] += b[i][j];
            }
            rowMean[i] /= n;
            total += rowMean[i];
        }
        total /= n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = b[i][j] - rowMean[i] - rowMean[j] + total;
            }
        }
        return b;
    }

    /** The diagonal of Gower's centred matrix B = −½ J D² J (each sample's squared distance to the centroid). */
    public static double[] centredDiagonal(DistanceMatrix dm) {
        double[][] b = centred(dm);
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i][i];
        }
        return d;
    }

    /**
     * Gower's (1968) add-a-point: the coordinates of a new sample on the first {@code axes} positive axes of an
     * ordination, from its squared distances to the reference samples: y_k = (1 / 2λ_k) Σ_i x_ik (b_ii − d_i²). A
     * sample that was in the reference lands on its own coordinates.
     *
     * @param ordination       the reference ordination
     * @param centredDiagonal  {@link #centredDiagonal} of the reference distances
     * @param squaredDistances squared distances of the new sample to each reference sample, in the ordination's order
     */
    public static double[] place(Ordination ordination, double[] centredDiagonal, double[] squaredDistances, int axes) {
        int n = ordination.ids().size();
        if (squaredDistances.length != n || centredDiagonal.length != n) {
            throw new IllegalArgumentException(squaredDistances.length + " distances for " + n + " reference samples");
        }
        int k = Math.min(axes, ordination.axes());
        double[] y = new double[k];
        for (int axis = 0; axis < k; axis++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += ordination.coordinates()[i][axis] * (centredDiagonal[i] - squaredDistances[i]);
            }
            y[axis] = s / (2 * ordination.eigenvalues()[axis]);
        }
        return y;
    }

    public static Ordination exact(DistanceMatrix dm) {
        return exact(dm, 1, Progress.NONE);
    }

    /** The exact ordination on {@code threads} threads (the same result for any count), reporting progress. */
    public static Ordination exact(DistanceMatrix dm, int threads, Progress progress) {
        int n = dm.size();
        if (n < 2) {
            throw OsteobiomeException.invalid("PCoA needs at least 2 samples, got " + n);
        }
        // The centred matrix, then the eigenvectors: two dense n × n arrays.
        MemoryBudget.require(16.0 * n * n, "an exact ordination of " + n + " samples (two dense " + n + " × " + n + " matrices)",
                "use the randomized method (ordinate --method randomized), or fewer samples");
        double[][] b = centred(dm);
        SymmetricEigen.Result eigen = SymmetricEigen.decompose(b, threads, progress);
        double[] values = eigen.values();
        double scale = Arrays.stream(values).map(Math::abs).max().orElse(0);
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) <= 1e-8 * scale + 1e-12) {
                values[i] = 0; // round-off around zero, as scikit-bio treats it
            }
        }
        double positiveSum = Arrays.stream(values).filter(v -> v > 0).sum();
        int positive = (int) Arrays.stream(values).filter(v -> v > 0).count();
        double[][] coordinates = new double[n][positive];
        for (int axis = 0; axis < positive; axis++) {
            double root = Math.sqrt(values[axis]);
            double[] vector = eigen.vectors()[axis];
            for (int i = 0; i < n; i++) {
                coordinates[i][axis] = vector[i] * root;
            }
        }
        double[] proportion = new double[n];
        for (int i = 0; i < n; i++) {
            proportion[i] = values[i] > 0 ? values[i] / positiveSum : 0;
        }
        return new Ordination(dm.ids(), "exact", values, proportion, coordinates);
    }

    /** The leading {@code axes} eigenpairs by a randomized range finder; seeded. */
    public static Ordination randomized(DistanceMatrix dm, int axes, long seed) {
        return randomized(dm, axes, seed, Progress.NONE);
    }

    /** The randomized ordination, reporting progress in products with the centred matrix (POWER_ITERATIONS + 2). */
    public static Ordination randomized(DistanceMatrix dm, int axes, long seed, Progress progress) {
        checkAxes(axes, dm.size());
        double[][] b = centred(dm);
        return randomized(dm.ids(), new CentredProducts() {
            @Override
            public int size() {
                return b.length;
            }

            @Override
            public double[][] times(double[][] x) {
                return multiply(b, x);
            }

            @Override
            public double trace() {
                double trace = 0;
                for (int i = 0; i < b.length; i++) {
                    trace += b[i][i];
                }
                return trace;
            }
        }, axes, seed, progress);
    }

    private static void checkAxes(int axes, int n) {
        if (axes < 1 || axes >= n) {
            throw OsteobiomeException.invalid("randomized PCoA needs 1 ≤ axes < samples, got axes=" + axes + " for " + n + " samples");
        }
    }

    /**
     * The randomized ordination of a centred matrix held anywhere (a cluster's blocks, say): only products with it are
     * taken, POWER_ITERATIONS + 2 of them, and the n × (axes + oversampling) basis is the largest array held here.
     */
    public static Ordination randomized(List<String> ids, CentredProducts b, int axes, long seed, Progress progress) {
        int n = b.size();
        checkAxes(axes, n);
        int k = Math.min(n, axes + Math.max(OVERSAMPLING, axes));
        SplittableRandom random = new SplittableRandom(seed);
        double[][] omega = new double[n][k];
        for (double[] row : omega) {
            for (int j = 0; j < k; j++) {
                row[j] = gaussian(random);
            }
        }
        int products = POWER_ITERATIONS + 2;
        double[][] q = orthonormal(b.times(omega));
        progress.report(1, products);
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
            q = orthonormal(b.times(q));
            progress.report(iteration + 2, products);
        }
        // T = Qᵀ·B·Q, a small symmetric matrix whose eigenpairs approximate B's leading ones.
        double[][] bq = b.times(q);
        progress.report(products, products);
        double[][] t = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += q[i][a] * bq[i][c];
                }
                t[a][c] = s;
            }
        }
        for (int a = 0; a < k; a++) {
            for (int c = a + 1; c < k; c++) {
                double m = 0.5 * (t[a][c] + t[c][a]);
                t[a][c] = m;
                t[c][a] = m;
            }
        }
        SymmetricEigen.Result eigen = SymmetricEigen.decompose(t);
        double[] all = eigen.values();
        double[][] w = eigen.vectors();
        double trace = b.trace();
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            if (all[a] > 0) {
                kept.add(a);
            }
        }
        double[] values = new double[axes];
        double[] proportion = new double[axes];
        double[][] coordinates = new double[n][kept.size()];
        for (int a = 0; a < axes; a++) {
            values[a] = all[a];
            proportion[a] = all[a] > 0 ? all[a] / trace : 0;
        }
        for (int c = 0; c < kept.size(); c++) {
            int a = kept.get(c);
            double root = Math.sqrt(all[a]);
            for (int i = 0; i < n; i++) {
                double x = 0;
                for (int j = 0; j < k; j++) {
                    x += q[i][j] * w[a][j];
                }
                coordinates[i][c] = x * root;
            }
        }
        return new Ordination(ids, "randomized", values, proportion, coordinates);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double[][] multiply(double[][] a, double[][] x) {
        int n = a.length;
        int k = x[0].length;
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            double[] o = out[i];
            for (int j = 0; j < n; j++) {
                double aij = row[j];
                double[] xj = x[j];
                for (int c = 0; c < k; c++) {
                    o[c] += aij * xj[c];
                }
            }
        }
        return out;
    }

    /** Thin orthonormal basis of the columns of y by modified Gram–Schmidt, done twice for stability. */
    private static double[][] orthonormal(double[][] y) {
        int n = y.length;
        int k = y[0].length;
        double[][] q = new double[k][n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                q[c][i] = y[i][c];
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < k; c++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[c][i] * q[p][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[c][i] -= dot * q[p][i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += q[c][i] * q[c][i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    q[c][i] = norm > 0 ? q[c][i] / norm : 0;
                }
            }
        }
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = q[c][i];
            }
        }
        return out;
    }
}
