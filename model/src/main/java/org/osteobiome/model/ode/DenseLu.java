package org.osteobiome.model.ode;

/**
 * LU decomposition with partial pivoting of a small dense matrix, in place, without
 * allocation per solve. Sized for the tens of states of physiological models.
 */
final class DenseLu {
    private final int n;
    private final double[][] lu;
    private final int[] pivot;

    DenseLu(int n) {
        this.n = n;
        this.lu = new double[n][n];
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
        for (int i = 1; i < n; i++) {
            double[] row = lu[i];
            double sum = b[i];
            for (int j = 0; j < i; j++) {
                sum -= row[j] * b[j];
            }
            b[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] row = lu[i];
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= row[j] * b[j];
            }
            b[i] = sum / row[i];
        }
    }
}
