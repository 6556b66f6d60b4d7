package org.osteobiome.microbiome.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.core.DotProduct;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;

/**
 * PERMANOVA with a design of several terms (McArdle and Anderson 2001), as vegan's {@code adonis2}: the Gower-centred
 * matrix G = (I − 11ᵀ/n)(−½D²)(I − 11ᵀ/n) is regressed on the centred design; a model explains tr(HG) of the total
 * tr(G). Sequential terms ({@link By#TERMS}) add each term's columns in order; marginal terms ({@link By#MARGIN})
 * compare the full model with the model without the term. F = (SS/df)/(SS_residual/df_residual) with the full model's
 * residual; permutations reorder the samples of G (rows and columns together; under the full null, "reduced" and
 * "direct" permutation coincide when there are no conditioning terms), every term tested on the same permutations;
 * p = (#{F* ≥ F − √ε} + 1)/(permutations + 1), vegan's rule.
 */
public final class DistanceModel {
    private DistanceModel() {
    }

    public enum By { TERMS, MARGIN }

    /** A term of the design: its name and its columns (indices into the design, intercept excluded). */
    public record Term(String name, int[] columns) {
    }

    public record Row(String term, int df, double sumOfSquares, double r2, double f, double pValue) {
    }

    /** Rows per term, then the residual and total (F and p NaN there). */
    public record Result(By by, List<Row> rows, int permutations, long seed) {
    }

    /**
     * @param dm        distances between the design's samples, in the design's row order
     * @param design    n × p design; its intercept column, if any, is ignored (the columns are centred)
     * @param terms     the terms, in the order of entry for {@link By#TERMS}
     */
    public static Result test(DistanceMatrix dm, double[][] design, List<Term> terms, By by, int permutations, long seed, int threads) {
        return test(dm, design, terms, by, permutations, seed, threads, Progress.NONE);
    }

    /** The same, reporting permutations done. */
    public static Result test(DistanceMatrix dm, double[][] design, List<Term> terms, By by, int permutations, long seed, int threads,
                              Progress progress) {
        if (permutations < 0) {
            throw OsteobiomeException.invalid("--permutations must be ≥ 0");
        }
        int n = dm.size();
        int[][] orders = new int[permutations][];
        for (int i = 0; i < permutations; i++) {
            orders[i] = PermutationEngine.shuffled(identity(n), Parallel.random(seed, i));
        }
        return test(dm, design, terms, by, orders, seed, threads, progress);
    }

    /** The same on given permutations: {@code orders[k][a]} is the sample that takes place a in permutation k. */
    public static Result test(DistanceMatrix dm, double[][] design, List<Term> terms, By by, int[][] orders, long seed, int threads,
                              Progress progress) {
        int n = dm.size();
        if (design.length != n) {
            throw new IllegalArgumentException("design rows " + design.length + " ≠ samples " + n);
        }
        double[][] g = gower(dm);
        double total = trace(g);
        int t = terms.size();
        int[] df = new int[t];
        for (int k = 0; k < t; k++) {
            df[k] = terms.get(k).columns().length;
        }
        // The bases: for TERMS one orthonormal basis of all columns in term order (the first cumulative-df columns span
        // the first terms); for MARGIN the full basis and one basis per model without a term.
        List<int[]> all = new ArrayList<>();
        for (Term term : terms) {
            all.add(term.columns());
        }
        double[][] full = basis(design, all, n);
        int rank = full.length;
        int residualDf = n - rank - 1;
        if (residualDf < 1) {
            throw OsteobiomeException.invalid("the design has " + rank + " columns for " + n + " samples: no residual degrees of freedom");
        }
        double[][][] without = new double[by == By.MARGIN ? t : 0][][];
        for (int k = 0; k < without.length; k++) {
            List<int[]> others = new ArrayList<>(all);
            others.remove(k);
            without[k] = basis(design, others, n);
        }
        double[] ss = sumsOfSquares(g, total, full, without, df, by, new int[][] {identity(n)})[0];
        double[] observed = statistics(ss, df, residualDf);
        int[][] atLeast = new int[orders.length][];
        int blockSize = Math.max(1, Math.min(32, BLOCK_BYTES / (Double.BYTES * TILE * full.length)));
        int blocks = (orders.length + blockSize - 1) / blockSize;
        AtomicLong done = new AtomicLong();
        progress.report(0, orders.length);
        Parallel.forEach(threads, blocks, b -> {
            int from = b * blockSize;
            int[][] block = Arrays.copyOfRange(orders, from, Math.min(orders.length, from + blockSize));
            double[][] permutedSs = sumsOfSquares(g, total, full, without, df, by, block);
            for (int p = 0; p < block.length; p++) {
                double[] f = statistics(permutedSs[p], df, residualDf);
                int[] hits = new int[t];
                for (int k = 0; k < t; k++) {
                    hits[k] = f[k] >= observed[k] - EPS ? 1 : 0;
                }
                atLeast[from + p] = hits;
            }
            progress.report(done.addAndGet(block.length), orders.length);
        });
        List<Row> rows = new ArrayList<>();
        double residual = ss[t];
        for (int k = 0; k < t; k++) {
            int count = 0;
            for (int[] h : atLeast) {
                count += h[k];
            }
            double p = orders.length == 0 ? Double.NaN : (count + 1.0) / (orders.length + 1.0);
            rows.add(new Row(terms.get(k).name(), df[k], ss[k], ss[k] / total, observed[k], p));
        }
        rows.add(new Row("Residual", residualDf, residual, residual / total, Double.NaN, Double.NaN));
        rows.add(new Row("Total", n - 1, total, 1, Double.NaN, Double.NaN));
        return new Result(by, rows, orders.length, seed);
    }

    /** vegan's tolerance on the comparison of permuted and observed F. */
    static final double EPS = Math.sqrt(Math.ulp(1.0));

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Columns of G per tile, and about how much of a core's cache a block's permuted basis vectors may take. */
    private static final int TILE = 512;
    private static final int BLOCK_BYTES = 192 * 1024;

    /** Per order of the block: per term SS (sequential or marginal), then the residual SS, for G permuted by it. */
    private static double[][] sumsOfSquares(double[][] g, double total, double[][] full, double[][][] without, int[] df, By by,
                                            int[][] orders) {
        int t = df.length;
        double[][] perColumn = explained(g, full, orders);
        double[][][] reduced = new double[without.length][][];
        for (int k = 0; k < without.length; k++) {
            reduced[k] = explained(g, without[k], orders);
        }
        double[][] out = new double[orders.length][t + 1];
        for (int p = 0; p < orders.length; p++) {
            double model = sum(perColumn[p]);
            if (by == By.TERMS) {
                int c = 0;
                for (int k = 0; k < t; k++) {
                    for (int j = 0; j < df[k]; j++) {
                        out[p][k] += perColumn[p][c++];
                    }
                }
            } else {
                for (int k = 0; k < t; k++) {
                    out[p][k] = model - sum(reduced[k][p]);
                }
            }
            out[p][t] = total - model;
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double[] statistics(double[] ss, int[] df, int residualDf) {
        double scale = ss[df.length] / residualDf;
        double[] f = new double[df.length];
        for (int k = 0; k < df.length; k++) {
            f[k] = ss[k] / df[k] / scale;
        }
        return f;
    }

    /**
     * {@code out[p][j]} = qⱼᵀ G_π qⱼ for each order π = orders[p] and basis vector qⱼ, where G_π[a][b] = G[π(a)][π(b)]:
     * with v[π(a)] = q[a] this is vᵀGv = Σ_a G_aa v_a² + 2 Σ_{a<b} G_ab v_a v_b. The upper triangle is read in column
     * tiles, each tile once for the whole block while the block's vectors (restricted to the tile) stay in cache.
     */
    private static double[][] explained(double[][] g, double[][] basis, int[][] orders) {
        int n = g.length;
        int vectors = orders.length * basis.length;
        double[][] v = new double[vectors][n];
        for (int p = 0; p < orders.length; p++) {
            for (int j = 0; j < basis.length; j++) {
                double[] target = v[p * basis.length + j];
                for (int a = 0; a < n; a++) {
                    target[orders[p][a]] = basis[j][a];
                }
            }
        }
        double[] offDiagonal = new double[vectors];
        for (int c0 = 0; c0 < n; c0 += TILE) {
            int c1 = Math.min(n, c0 + TILE);
            for (int a = 0; a < c1 - 1; a++) {
                double[] row = g[a];
                int from = Math.max(a + 1, c0);
                for (int q = 0; q < vectors; q++) {
                    double[] x = v[q];
                    offDiagonal[q] += x[a] * DotProduct.of(row, x, from, c1);
                }
            }
        }
        double[][] out = new double[orders.length][basis.length];
        for (int q = 0; q < vectors; q++) {
            double[] x = v[q];
            double diagonal = 0;
            for (int a = 0; a < n; a++) {
                diagonal += g[a][a] * x[a] * x[a];
            }
            out[q / basis.length][q % basis.length] = diagonal + 2 * offDiagonal[q];
        }
        return out;
    }

    /** Orthonormal basis (rows) of the centred design columns, in the order given, by modified Gram–Schmidt twice. */
    private static double[][] basis(double[][] design, List<int[]> termColumns, int n) {
        List<double[]> q = new ArrayList<>();
        for (int[] cols : termColumns) {
            for (int c : cols) {
                double[] x = new double[n];
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += design[i][c];
                }
                mean /= n;
                double norm0 = 0;
                for (int i = 0; i < n; i++) {
                    x[i] = design[i][c] - mean;
                    norm0 += x[i] * x[i];
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (double[] e : q) {
                        double dot = 0;
                        for (int i = 0; i < n; i++) {
                            dot += e[i] * x[i];
                        }
                        for (int i = 0; i < n; i++) {
                            x[i] -= dot * e[i];
                        }
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += x[i] * x[i];
                }
                if (!(norm > 1e-20 * Math.max(norm0, 1e-300)) || norm0 == 0) {
                    throw OsteobiomeException.invalid("a column of the design is constant or a combination of others; drop it");
                }
                double inv = 1 / Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    x[i] *= inv;
                }
                q.add(x);
            }
        }
        return q.toArray(new double[0][]);
    }

    private static double trace(double[][] g) {
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            sum += g[i][i];
        }
        return sum;
    }

    /** G = −½ (I − 11ᵀ/n) D² (I − 11ᵀ/n). */
    static double[][] gower(DistanceMatrix dm) {
        int n = dm.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = dm.get(i, j);
                a[i][j] = -0.5 * d * d;
            }
        }
        double[] rowMean = new double[n];
        double grand = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j];
            }
            rowMean[i] = s / n;
            grand += s;
        }
        grand /= (double) n * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] += grand - rowMean[i] - rowMean[j];
            }
        }
        return a;
    }
}
