package org.osteobiome.model.ode;

/**
 * LU decomposition with partial pivoting of the complex matrix (a + ib)·I − J for a real matrix J, in place, the real
 * and imaginary parts kept as two real arrays. It is the second of the two systems a step of the three-stage Radau IIA
 * method solves. Like {@link DenseLu}, the elimination skips the pivot row's zero entries, and the factors are kept
 * row by row as lists of their non-zeros for the substitutions; skipped terms are exact zeros.
 */
final class ComplexLu {
    private final int n;
    private final double[][] re;
    private final double[][] im;
    private final int[] pivot;
    private final int[] nonZero;
    /** Row i of L (left of the diagonal) and of U (right of it): columns {@code *Columns[i][0..*Count[i])}, values alike. */
    private final int[][] lowerColumns;
    private final double[][] lowerRe;
    private final double[][] lowerIm;
    private final int[] lowerCount;
    private final int[][] upperColumns;
    private final double[][] upperRe;
    private final double[][] upperIm;
    private final int[] upperCount;
    /** 1 / U_ii. */
    private final double[] inverseRe;
    private final double[] inverseIm;

    ComplexLu(int n) {
        this.n = n;
        this.re = new double[n][n];
        this.im = new double[n][n];
        this.pivot = new int[n];
        this.nonZero = new int[n];
        this.lowerColumns = new int[n][n];
        this.lowerRe = new double[n][n];
        this.lowerIm = new double[n][n];
        this.lowerCount = new int[n];
        this.upperColumns = new int[n][n];
        this.upperRe = new double[n][n];
        this.upperIm = new double[n][n];
        this.upperCount = new int[n];
        this.inverseRe = new double[n];
        this.inverseIm = new double[n];
    }

    /** Factors (a + ib)·I − J; returns false when the matrix is numerically singular. */
    boolean factor(double a, double b, double[][] jacobian) {
        for (int i = 0; i < n; i++) {
            double[] source = jacobian[i];
            double[] rowRe = re[i];
            double[] rowIm = im[i];
            for (int j = 0; j < n; j++) {
                rowRe[j] = -source[j];
                rowIm[j] = 0.0;
            }
            rowRe[i] += a;
            rowIm[i] = b;
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(re[k][k]) + Math.abs(im[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(re[i][k]) + Math.abs(im[i][k]);
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
                double[] row = re[p];
                re[p] = re[k];
                re[k] = row;
                row = im[p];
                im[p] = im[k];
                im[k] = row;
            }
            double[] kRe = re[k];
            double[] kIm = im[k];
            // 1 / pivot
            double modulus = kRe[k] * kRe[k] + kIm[k] * kIm[k];
            double invRe = kRe[k] / modulus;
            double invIm = -kIm[k] / modulus;
            int count = 0;
            for (int j = k + 1; j < n; j++) {
                if (kRe[j] != 0.0 || kIm[j] != 0.0) {
                    nonZero[count++] = j;
                }
            }
            for (int i = k + 1; i < n; i++) {
                double[] iRe = re[i];
                double[] iIm = im[i];
                if (iRe[k] == 0.0 && iIm[k] == 0.0) {
                    continue;
                }
                double fRe = iRe[k] * invRe - iIm[k] * invIm;
                double fIm = iRe[k] * invIm + iIm[k] * invRe;
                iRe[k] = fRe;
                iIm[k] = fIm;
                for (int q = 0; q < count; q++) {
                    int j = nonZero[q];
                    iRe[j] -= fRe * kRe[j] - fIm * kIm[j];
                    iIm[j] -= fRe * kIm[j] + fIm * kRe[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double[] iRe = re[i];
            double[] iIm = im[i];
            int lower = 0;
            int upper = 0;
            for (int j = 0; j < n; j++) {
                double vRe = iRe[j];
                double vIm = iIm[j];
                if (j == i) {
                    double modulus = vRe * vRe + vIm * vIm;
                    inverseRe[i] = vRe / modulus;
                    inverseIm[i] = -vIm / modulus;
                } else if (vRe != 0.0 || vIm != 0.0) {
                    if (j < i) {
                        lowerColumns[i][lower] = j;
                        lowerRe[i][lower] = vRe;
                        lowerIm[i][lower++] = vIm;
                    } else {
                        upperColumns[i][upper] = j;
                        upperRe[i][upper] = vRe;
                        upperIm[i][upper++] = vIm;
                    }
                }
            }
            lowerCount[i] = lower;
            upperCount[i] = upper;
        }
        return true;
    }

    /** Solves the factored system in place: (xRe, xIm) enter as the right-hand side and leave as the solution. */
    void solve(double[] xRe, double[] xIm) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double tmp = xRe[p];
                xRe[p] = xRe[k];
                xRe[k] = tmp;
                tmp = xIm[p];
                xIm[p] = xIm[k];
                xIm[k] = tmp;
            }
        }
        for (int i = 1; i < n; i++) { // forward: L has a unit diagonal
            int[] columns = lowerColumns[i];
            double[] lRe = lowerRe[i];
            double[] lIm = lowerIm[i];
            double sRe = xRe[i];
            double sIm = xIm[i];
            for (int q = 0, count = lowerCount[i]; q < count; q++) {
                int j = columns[q];
                sRe -= lRe[q] * xRe[j] - lIm[q] * xIm[j];
                sIm -= lRe[q] * xIm[j] + lIm[q] * xRe[j];
            }
            xRe[i] = sRe;
            xIm[i] = sIm;
        }
        for (int i = n - 1; i >= 0; i--) { // backward with U
            int[] columns = upperColumns[i];
            double[] uRe = upperRe[i];
            double[] uIm = upperIm[i];
            double sRe = xRe[i];
            double sIm = xIm[i];
            for (int q = 0, count = upperCount[i]; q < count; q++) {
                int j = columns[q];
                sRe -= uRe[q] * xRe[j] - uIm[q] * xIm[j];
                sIm -= uRe[q] * xIm[j] + uIm[q] * xRe[j];
            }
            xRe[i] = sRe * inverseRe[i] - sIm * inverseIm[i];
            xIm[i] = sRe * inverseIm[i] + sIm * inverseRe[i];
        }
    }
}
