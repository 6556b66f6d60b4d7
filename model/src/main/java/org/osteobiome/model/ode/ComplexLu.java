package org.osteobiome.model.ode;

/**
 * LU decomposition with partial pivoting of the complex matrix (a + ib)·I − J for a real matrix J, in place, the real
 * and imaginary parts kept as two real arrays. It is the second of the two systems a step of the three-stage Radau IIA
 * method solves. Like {@link DenseLu}, the elimination skips the pivot row's zero entries; skipped terms are exact
 * zeros.
 */
final class ComplexLu {
    private final int n;
    private final double[][] re;
    private final double[][] im;
    private final int[] pivot;
    private final int[] nonZero;

    ComplexLu(int n) {
        this.n = n;
        this.re = new double[n][n];
        this.im = new double[n][n];
        this.pivot = new int[n];
        this.nonZero = new int[n];
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
            double[] iRe = re[i];
            double[] iIm = im[i];
            double sRe = xRe[i];
            double sIm = xIm[i];
            for (int j = 0; j < i; j++) {
                double lRe = iRe[j];
                double lIm = iIm[j];
                if (lRe != 0.0 || lIm != 0.0) {
                    sRe -= lRe * xRe[j] - lIm * xIm[j];
                    sIm -= lRe * xIm[j] + lIm * xRe[j];
                }
            }
            xRe[i] = sRe;
            xIm[i] = sIm;
        }
        for (int i = n - 1; i >= 0; i--) { // backward with U
            double[] iRe = re[i];
            double[] iIm = im[i];
            double sRe = xRe[i];
            double sIm = xIm[i];
            for (int j = i + 1; j < n; j++) {
                double uRe = iRe[j];
                double uIm = iIm[j];
                if (uRe != 0.0 || uIm != 0.0) {
                    sRe -= uRe * xRe[j] - uIm * xIm[j];
                    sIm -= uRe * xIm[j] + uIm * xRe[j];
                }
            }
            double dRe = iRe[i];
            double dIm = iIm[i];
            double modulus = dRe * dRe + dIm * dIm;
            xRe[i] = (sRe * dRe + sIm * dIm) / modulus;
            xIm[i] = (sIm * dRe - sRe * dIm) / modulus;
        }
    }
}
