package org.osteobiome.model.ode;

/**
 * LU decomposition with partial pivoting of a small dense matrix, in place, without
 * allocation per solve. Sized for the tens of states of physiological models.
 *
 * <p>After factoring, the factors are kept column by column, so that both substitutions run as
 * {@code b[i] -= column[i] * b[j]} updates; a Rosenbrock step solves six times per factorisation.
 *
 * <p>Physiological models couple each state to a few others, so most entries are zero: the elimination updates only
 * the pivot row's non-zero columns, and the substitutions run over the factors' non-zeros only, kept column by column
 * after factoring. Skipped terms are exact zeros, so the results equal the dense computation's.
 */
final class DenseLu {
    private final int n;
    private final double[][] lu;
    private final int[] pivot;
    /** Scratch: the non-zero columns of the current pivot row. */
    private final int[] nonZero;
    /** Column j of L (below the diagonal) and of U (above it): rows {@code *Rows[j][0..*Count[j])}, values alike. */
    private final int[][] lowerRows;
    private final double[][] lowerValues;
    private final int[] lowerCount;
    private final int[][] upperRows;
    private final double[][] upperValues;
    private final int[] upperCount;
    private final double[] diagonal;

    DenseLu(int n) {
        this.n = n;
        this.lu = new double[n][n];
        this.pivot = new int[n];
        this.nonZero = new int[n];
        this.lowerRows = new int[n][n];
        this.lowerValues = new double[n][n];
        this.lowerCount = new int[n];
        this.upperRows = new int[n][n];
        this.upperValues = new double[n][n];
        this.upperCount = new int[n];
        this.diagonal = new double[n];
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
            int count = 0;
            for (int j = k + 1; j < n; j++) {
                if (rowK[j] != 0.0) {
                    nonZero[count++] = j;
                }
            }
            for (int i = k + 1; i < n; i++) {
                double[] rowI = lu[i];
                double factor = rowI[k] * inverse;
                rowI[k] = factor;
                if (factor != 0.0) {
                    for (int q = 0; q < count; q++) {
                        int j = nonZero[q];
                        rowI[j] -= factor * rowK[j];
                    }
                }
            }
        }
        java.util.Arrays.fill(lowerCount, 0);
        java.util.Arrays.fill(upperCount, 0);
        for (int i = 0; i < n; i++) {
            double[] row = lu[i];
            for (int j = 0; j < n; j++) {
                double v = row[j];
                if (j == i) {
                    diagonal[i] = v;
                } else if (v != 0.0) {
                    if (i > j) {
                        lowerRows[j][lowerCount[j]] = i;
                        lowerValues[j][lowerCount[j]++] = v;
                    } else {
                        upperRows[j][upperCount[j]] = i;
                        upperValues[j][upperCount[j]++] = v;
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
        for (int j = 0; j < n - 1; j++) { // forward: L has a unit diagonal
            double bj = b[j];
            int[] rows = lowerRows[j];
            double[] values = lowerValues[j];
            for (int q = 0, count = lowerCount[j]; q < count; q++) {
                b[rows[q]] -= values[q] * bj;
            }
        }
        for (int j = n - 1; j >= 0; j--) { // backward with U
            double bj = b[j] / diagonal[j];
            b[j] = bj;
            int[] rows = upperRows[j];
            double[] values = upperValues[j];
            for (int q = 0, count = upperCount[j]; q < count; q++) {
                b[rows[q]] -= values[q] * bj;
            }
        }
    }
}
