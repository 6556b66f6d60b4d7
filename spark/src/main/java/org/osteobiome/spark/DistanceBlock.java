package org.osteobiome.spark;

import java.io.Serializable;

/**
 * One rectangle of a distance matrix: rows {@code r0 … r1 − 1} against columns {@code c0 … c1 − 1}, row-major. Only blocks
 * on or above the diagonal are made; a diagonal block is a whole symmetric square.
 */
record DistanceBlock(int r0, int r1, int c0, int c1, double[] values) implements Serializable {

    boolean diagonal() {
        return r0 == c0;
    }

    int width() {
        return c1 - c0;
    }

    /** Σ_j −½ d(i, j)² for the rows, and for an off-diagonal block also for the columns (from the transposed block). */
    double[][] halfSquaredSums() {
        int width = width();
        double[] rows = new double[r1 - r0];
        double[] cols = diagonal() ? null : new double[width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                double d = values[i * width + j];
                double a = -0.5 * d * d;
                rows[i] += a;
                if (cols != null) {
                    cols[j] += a;
                }
            }
        }
        return new double[][] {rows, cols};
    }

    /**
     * With A = −½·D² and X (n × k, row-major): A_block·X_columns for the block's rows, and for an off-diagonal block
     * A_blockᵀ·X_rows for its columns too (the block below the diagonal that is not stored).
     */
    double[][] timesHalfSquared(double[] x, int k) {
        int width = width();
        double[] rows = new double[(r1 - r0) * k];
        double[] cols = diagonal() ? null : new double[width * k];
        for (int i = 0; i < r1 - r0; i++) {
            int xi = (r0 + i) * k;
            for (int j = 0; j < width; j++) {
                double d = values[i * width + j];
                double a = -0.5 * d * d;
                int xj = (c0 + j) * k;
                for (int c = 0; c < k; c++) {
                    rows[i * k + c] += a * x[xj + c];
                }
                if (cols != null) {
                    for (int c = 0; c < k; c++) {
                        cols[j * k + c] += a * x[xi + c];
                    }
                }
            }
        }
        return new double[][] {rows, cols};
    }
}
