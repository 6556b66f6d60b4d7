package org.osteobiome.model.ode;

/**
 * LU decomposition with partial pivoting of a small dense matrix, in place, without
 * allocation per solve. Sized for the tens of states of physiological models.
 *
 * <p>The factors are also kept transposed, so that both substitutions run as contiguous
 * {@code b[i] -= column[i] * b[j]} updates, which the JIT vectorises; a Rosenbrock step solves
 * six times per factorisation, and with row-wise dot products the solves cost more than the factoring.
 */
final class DenseLu {
    private final int n;
    private final double[][] lu;
    private final double[][] transposed;
    private final int[] pivot;

    DenseLu(int n) {
        this.n = n;
        this.lu = new double[n][n];
        this.transposed = new double[n][n];
        this.pivot = new int[n];
    }

    /** The matrix to be factored; fill it, then call {@link #factor()}. */
    double[][] matrix() {
        return lu;
    }

    /** Factors the matrix in place; returns false when it is numerically singular. */
    boolean factor() {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(lu[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(lu[i][k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (max == 0.0 || !Double.isFinite(max)) {
                return false;
            }
            if (p != k) {
                double[] row = lu[p];
                lu[p] = lu[k];
                lu[k] = row;
            }
            double[] rowK = lu[k];
            double inverse = 1.0 / rowK[k];
            for (int i = k + 1; i < n; i++) {
                double[] rowI = lu[i];
                double factor = rowI[k] * inverse;
                rowI[k] = factor;
                if (factor != 0.0) {
                    for (int j = k + 1; j < n; j++) {
                        rowI[j] -= factor * rowK[j];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double[] row = lu[i];
            for (int j = 0; j < n; j++) {
                transposed[j][i] = row[j];
            }
        }
        return true;
    }

    /** Solves A x = b in place ({@code b} becomes x). */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double tmp = b[p];
                b[p] = b[k];
                b[k] = tmp;
            }
        }
        for (int j = 0; j < n - 1; j++) { // forward: L has a unit diagonal
            double[] column = transposed[j];
            double bj = b[j];
            for (int i = j + 1; i < n; i++) {
                b[i] -= column[i] * bj;
            }
        }
        for (int j = n - 1; j >= 0; j--) { // backward with U
            double[] column = transposed[j];
            double bj = b[j] / column[j];
            b[j] = bj;
            for (int i = 0; i < j; i++) {
                b[i] -= column[i] * bj;
            }
        }
    }
}
