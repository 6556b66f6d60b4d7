package org.osteobiome.core;

/** The dot product of a slice of two arrays, the inner loop of the eigensolver and the permutation tests. */
public final class DotProduct {
    private DotProduct() {
    }

    /** Σ a[k]·b[k] for from ≤ k &lt; to, with four partial sums so the multiplications overlap. */
    public static double of(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < to; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
