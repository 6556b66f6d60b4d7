package org.osteobiome.microbiome.ordination;

import org.osteobiome.core.DotProduct;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.core.Workers;

/**
 * Eigenvalues and eigenvectors of a dense symmetric matrix: Householder reduction to tridiagonal form, then the
 * implicit symmetric QR iteration with Wilkinson shifts (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed.,
 * §8.3). Eigenvectors are kept as the rows of one array, so every Householder reflection and Givens rotation runs
 * along contiguous rows that the JIT vectorises; this is several times faster than a column-oriented
 * implementation for the 1,000–2,000 sample matrices of PCoA. The row and column loops of each step run in contiguous
 * pieces on a pool of threads; every element is computed by the same operations in the same order whatever the
 * split, so the result does not depend on the thread count.
 */
final class SymmetricEigen {
    private static final double EPS = 0x1.0p-52;

    private SymmetricEigen() {
    }

    /** Eigenvalues in decreasing order, and {@code vectors[i]} the unit eigenvector of {@code values[i]}. */
    record Result(double[] values, double[][] vectors) {
    }

    /** Rows or columns below this many are not split between threads: the hand-over would cost more than the loop. */
    private static final int MIN_PIECE = 96;

    /** Decomposes {@code a} (symmetric, n × n) on one thread; {@code a} is overwritten. */
    static Result decompose(double[][] a) {
        return decompose(a, 1, Progress.NONE);
    }

    /**
     * Decomposes {@code a} (symmetric, n × n) on {@code threads} threads, reporting progress in thousandths of the
     * estimated multiply–adds (the QR phase's share is known exactly once its rotations are counted); {@code a} is
     * overwritten.
     */
    static Result decompose(double[][] a, int threads, Progress progress) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[n];
        Work work = new Work(progress, n);
        double[][] r;
        try (Workers workers = new Workers(threads)) {
            r = tridiagonalize(a, d, e, workers, work);
            qr(d, e, r, workers, work);
        }
        // Sort by decreasing eigenvalue.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(d[q], d[p]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int i = 0; i < n; i++) {
            values[i] = d[order[i]];
            vectors[i] = r[order[i]];
        }
        return new Result(values, vectors);
    }

    /**
     * Reduces a to tridiagonal T = Qᵀ·A·Q (diagonal d, sub-diagonal e[0..n−2]) by Householder reflections
     * H = I − 2vvᵀ and returns Qᵀ, whose rows are the tridiagonal basis in original coordinates.
     */
    private static double[][] tridiagonalize(double[][] a, double[] d, double[] e, Workers workers, Work work) {
        int n = a.length;
        // Reflector k is kept in column k below the diagonal, which no later step reads: no n × n array of its own.
        boolean[] reflected = new boolean[n];
        double[] p = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1; // length of the column below the diagonal
            work.add(Work.REDUCTION * m * m);
            double norm = 0;
            for (int i = k + 1; i < n; i++) {
                norm += a[i][k] * a[i][k];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                e[k] = 0;
                continue;
            }
            double alpha = a[k + 1][k] > 0 ? -norm : norm;
            // v and p are indexed like the matrix columns (from k + 1), so that every loop below reads all its
            // arrays at the same index, which the JIT vectorises (it does not when the offsets differ).
            for (int i = k + 1; i < n; i++) {
                v[i] = a[i][k];
            }
            v[k + 1] -= alpha;
            double vnorm = 0;
            for (int i = k + 1; i < n; i++) {
                vnorm += v[i] * v[i];
            }
            vnorm = Math.sqrt(vnorm);
            if (vnorm == 0) {
                e[k] = a[k + 1][k];
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                v[i] /= vnorm;
            }
            // p = A_sub·v (A_sub symmetric: row-wise dot products), K = vᵀp, w = p − K·v; A_sub −= 2(v·wᵀ + w·vᵀ).
            int first = k + 1;
            workers.split(first, n, MIN_PIECE, (from, to) -> {
                for (int i = from; i < to; i++) {
                    p[i] = DotProduct.of(a[i], v, first, n);
                }
            });
            double kappa = 0;
            for (int i = first; i < n; i++) {
                kappa += v[i] * p[i];
            }
            for (int i = first; i < n; i++) {
                p[i] -= kappa * v[i];
            }
            workers.split(first, n, MIN_PIECE, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double[] row = a[i];
                    double vi = 2 * v[i];
                    double wi = 2 * p[i];
                    for (int j = first; j < n; j++) {
                        row[j] -= vi * p[j] + wi * v[j];
                    }
                }
            });
            e[k] = alpha;
            for (int i = first; i < n; i++) {
                a[i][k] = v[i];
            }
            reflected[k] = true;
        }
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
        if (n >= 2) {
            e[n - 2] = a[n - 1][n - 2];
        }
        // Q = H_0·…·H_{n−3} by backward accumulation (each H_k touches rows k+1.. only), then transposed.
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            qt[i][i] = 1;
        }
        double[] s = new double[n];
        for (int k = n - 3; k >= 0; k--) {
            work.add(Work.ACCUMULATION * (long) (n - k - 1) * (n - k - 1));
            if (!reflected[k]) {
                continue;
            }
            // Rows k+1.. of the partial product: M_sub ← (I − 2vvᵀ)·M_sub; its columns before k+1 are still zero.
            int first = k + 1;
            for (int i = first; i < n; i++) {
                v[i] = a[i][k];
            }
            workers.split(first, n, MIN_PIECE, (from, to) -> {
                java.util.Arrays.fill(s, from, to, 0);
                for (int i = first; i < n; i++) {
                    double vi = v[i];
                    double[] row = qt[i];
                    for (int j = from; j < to; j++) {
                        s[j] += vi * row[j];
                    }
                }
                for (int i = first; i < n; i++) {
                    double vi = 2 * v[i];
                    double[] row = qt[i];
                    for (int j = from; j < to; j++) {
                        row[j] -= vi * s[j];
                    }
                }
            });
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double t = qt[i][j];
                qt[i][j] = qt[j][i];
                qt[j][i] = t;
            }
        }
        return qt;
    }

    /** Columns of the eigenvector rows updated together: two rows of this width stay in the first-level cache. */
    private static final int CHUNK = 64;

    /**
     * Implicit QR with Wilkinson shifts on (d, e). The Givens rotations are recorded and then applied to the rows of
     * {@code r} one block of columns at a time, so that the block stays in cache while all rotations pass over it.
     */
    private static void qr(double[] d, double[] e, double[][] r, Workers workers, Work work) {
        Rotations rotations = new Rotations();
        qrValues(d, e, rotations);
        int n = r.length;
        work.rotationsCounted(rotations.size);
        int chunks = (n + CHUNK - 1) / CHUNK;
        workers.split(0, chunks, 1, (firstChunk, endChunk) -> {
            for (int chunk = firstChunk; chunk < endChunk; chunk++) {
                int j0 = chunk * CHUNK;
                int j1 = Math.min(n, j0 + CHUNK);
                for (int t = 0; t < rotations.size; t++) {
                    int k = rotations.row[t];
                    double c = rotations.cos[t];
                    double s = rotations.sin[t];
                    double[] rk = r[k];
                    double[] rk1 = r[k + 1];
                    for (int j = j0; j < j1; j++) {
                        double u = rk[j];
                        double w = rk1[j];
                        rk[j] = c * u + s * w;
                        rk1[j] = c * w - s * u;
                    }
                }
                work.add(Work.ROTATION * rotations.size * (long) (j1 - j0));
            }
        });
    }

    /**
     * Progress in thousandths of the work: a reduction step on an m × m block costs REDUCTION·m², its accumulation
     * ACCUMULATION·m², and a Givens rotation ROTATION per column (weights measured: the bar moves at an even pace on
     * 2,000 and 5,000 samples). The rotations are estimated at ESTIMATED_ROTATIONS_PER_N2·n² until counted.
     */
    private static final class Work {
        static final long REDUCTION = 3;
        static final long ACCUMULATION = 2;
        static final long ROTATION = 2;
        static final double ESTIMATED_ROTATIONS_PER_N2 = 0.75;
        /** Reported as thousandths of the work. */
        static final long SCALE = 1000;

        private final Progress progress;
        private final int n;
        private long total;
        private long done;

        Work(Progress progress, int n) {
            this.progress = progress;
            long cubic = (n - 1L) * n * (2L * n - 1) / 6; // Σ m² for m < n
            this.n = n;
            this.total = (REDUCTION + ACCUMULATION) * cubic + ROTATION * (long) (ESTIMATED_ROTATIONS_PER_N2 * n * (double) n) * n;
        }

        synchronized void add(long units) {
            done += units;
            progress.report(Math.min(SCALE, (long) (SCALE * (done / (double) total))), SCALE);
        }

        synchronized void rotationsCounted(long rotations) {
            total = done + ROTATION * rotations * n;
        }
    }

    /** A growing list of Givens rotations (rows k, k+1, cosine, sine), in the order they were applied. */
    private static final class Rotations {
        int size;
        int[] row = new int[1024];
        double[] cos = new double[1024];
        double[] sin = new double[1024];

        void add(int k, double c, double s) {
            if (size == row.length) {
                row = java.util.Arrays.copyOf(row, size * 2);
                cos = java.util.Arrays.copyOf(cos, size * 2);
                sin = java.util.Arrays.copyOf(sin, size * 2);
            }
            row[size] = k;
            cos[size] = c;
            sin[size++] = s;
        }
    }

    /** The QR iteration on (d, e) alone, recording its rotations. */
    private static void qrValues(double[] d, double[] e, Rotations rotations) {
        int n = d.length;
        int m = n - 1;
        int iterations = 0;
        int limit = 60 * Math.max(n, 1);
        while (m > 0) {
            if (Math.abs(e[m - 1]) <= EPS * (Math.abs(d[m - 1]) + Math.abs(d[m]))) {
                e[m - 1] = 0;
                m--;
                continue;
            }
            if (++iterations > limit) {
                throw new OsteobiomeException(ErrorCode.SOLVER_FAILURE, "the eigen-decomposition did not converge");
            }
            int l = m - 1;
            while (l > 0 && Math.abs(e[l - 1]) > EPS * (Math.abs(d[l - 1]) + Math.abs(d[l]))) {
                l--;
            }
            // Wilkinson shift from the trailing 2 × 2 block.
            double delta = (d[m - 1] - d[m]) / 2;
            double em = e[m - 1];
            double mu = d[m] - em * em / (delta + Math.copySign(Math.hypot(delta, em), delta == 0 ? 1 : delta));
            double x = d[l] - mu;
            double z = e[l];
            double bulge = 0;
            for (int k = l; k < m; k++) {
                double radius = Math.hypot(x, z);
                double c = radius == 0 ? 1 : x / radius;
                double s = radius == 0 ? 0 : z / radius;
                if (k > l) {
                    e[k - 1] = radius;
                }
                double dk = d[k];
                double dk1 = d[k + 1];
                double ek = e[k];
                d[k] = c * c * dk + 2 * c * s * ek + s * s * dk1;
                d[k + 1] = s * s * dk - 2 * c * s * ek + c * c * dk1;
                e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
                if (k < m - 1) {
                    bulge = s * e[k + 1];
                    e[k + 1] = c * e[k + 1];
                }
                rotations.add(k, c, s);
                x = e[k];
                z = bulge;
            }
        }
    }
}
