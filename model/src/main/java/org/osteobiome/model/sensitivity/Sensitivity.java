package org.osteobiome.model.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;

/**
 * Local, Morris and Sobol sensitivity analysis of a scalar output y = f(factors). Every method is seeded; model
 * evaluations run in parallel and the result does not depend on the number of threads.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /** The output as a function of the factor values (in factor order). Must be thread-safe. */
    @FunctionalInterface
    public interface Output extends ToDoubleFunction<double[]> {
    }

    /**
     * Runs the model at many points at once, wherever it likes (local threads, a cluster); {@code y[p]} belongs to
     * {@code points[p]}. Morris and Sobol draw all their points first and hand them over in one batch, so the indices do
     * not depend on where or in what order the points ran.
     */
    @FunctionalInterface
    public interface Evaluator {
        double[] evaluate(double[][] points, Progress progress);
    }

    /** The output evaluated on {@code threads} local threads. */
    public static Evaluator onThreads(Output f, int threads) {
        return (points, progress) -> {
            double[] y = new double[points.length];
            AtomicLong done = new AtomicLong();
            Parallel.forEach(threads, points.length, p -> {
                y[p] = f.applyAsDouble(points[p]);
                progress.report(done.incrementAndGet(), points.length);
            });
            return y;
        };
    }

    /**
     * Normalised local sensitivities (∂y/∂p)·(p/y) by central differences with a relative step of 1e-3 (absolute
     * 1e-3 for a factor at zero, reported unnormalised in the "absolute" column).
     */
    public static SensitivityResult local(List<Factor> factors, Output f, int threads) {
        int k = factors.size();
        double[] nominal = factors.stream().mapToDouble(Factor::nominal).toArray();
        double y0 = f.applyAsDouble(nominal);
        double[][] values = new double[k][2];
        Parallel.forEach(threads, k, i -> {
            double h = nominal[i] != 0 ? 1e-3 * Math.abs(nominal[i]) : 1e-3;
            double[] up = nominal.clone();
            double[] down = nominal.clone();
            up[i] += h;
            down[i] -= h;
            double derivative = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
            values[i][0] = nominal[i] != 0 && y0 != 0 ? derivative * nominal[i] / y0 : Double.NaN;
            values[i][1] = derivative;
        });
        return new SensitivityResult("local", List.copyOf(factors), List.of("normalised", "absolute"), values, 1 + 2L * k);
    }

    /**
     * Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007) on a 4-level grid with Δ = 2/3, from
     * {@code trajectories} random one-at-a-time paths, each factor scaled to [0, 1] over its range.
     */
    public static SensitivityResult morris(List<Factor> factors, Output f, int trajectories, long seed, int threads, Progress progress) {
        return morris(factors, onThreads(f, threads), trajectories, seed, progress);
    }

    /** Morris elementary effects with the model run by {@code evaluator}: {@code trajectories × (k + 1)} points. */
    public static SensitivityResult morris(List<Factor> factors, Evaluator evaluator, int trajectories, long seed, Progress progress) {
        int k = factors.size();
        if (trajectories < 2) {
            throw OsteobiomeException.invalid("Morris needs at least 2 trajectories");
        }
        double delta = 2.0 / 3;
        // Each path: a start on the grid, then one factor at a time moved by ±Δ; point r·(k + 1) + step.
        double[][] points = new double[trajectories * (k + 1)][];
        int[][] moved = new int[trajectories][k];
        boolean[][] upwards = new boolean[trajectories][k];
        for (int r = 0; r < trajectories; r++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + r);
            double[] u = new double[k];
            for (int i = 0; i < k; i++) {
                u[i] = random.nextInt(2) / 3.0; // 0 or 1/3, so that u + Δ stays on the grid {0, 1/3, 2/3, 1}
            }
            int[] order = IntStream.range(0, k).toArray();
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            points[r * (k + 1)] = values(factors, u);
            for (int step = 0; step < k; step++) {
                int i = order[step];
                boolean up = random.nextBoolean() ? u[i] + delta <= 1 : u[i] - delta < 0;
                u[i] += up ? delta : -delta;
                points[r * (k + 1) + step + 1] = values(factors, u);
                moved[r][step] = i;
                upwards[r][step] = up;
            }
        }
        double[] y = evaluator.evaluate(points, progress);
        double[][][] effects = new double[trajectories][k][];
        for (int r = 0; r < trajectories; r++) {
            for (int step = 0; step < k; step++) {
                double before = y[r * (k + 1) + step];
                double next = y[r * (k + 1) + step + 1];
                effects[r][moved[r][step]] = new double[] {(upwards[r][step] ? next - before : before - next) / delta};
            }
        }
        double[][] out = new double[k][3];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            double abs = 0;
            for (int r = 0; r < trajectories; r++) {
                sum += effects[r][i][0];
                abs += Math.abs(effects[r][i][0]);
            }
            double mean = sum / trajectories;
            double ss = 0;
            for (int r = 0; r < trajectories; r++) {
                ss += (effects[r][i][0] - mean) * (effects[r][i][0] - mean);
            }
            out[i][0] = abs / trajectories;
            out[i][1] = mean;
            out[i][2] = Math.sqrt(ss / (trajectories - 1));
        }
        return new SensitivityResult("morris", List.copyOf(factors), List.of("mu_star", "mu", "sigma"), out,
                (long) trajectories * (k + 1));
    }

    /**
     * Sobol first-order (Saltelli et al. 2010 estimator) and total-order (Jansen 1999 estimator) indices from
     * N·(k + 2) evaluations of seeded pseudo-random base samples A and B, with 95 % percentile intervals from
     * {@code bootstrap} resamples of the N rows (NaN with none).
     */
    public static SensitivityResult sobol(List<Factor> factors, Output f, int n, int bootstrap, long seed, int threads,
                                          Progress progress) {
        return sobol(factors, onThreads(f, threads), n, bootstrap, seed, progress);
    }

    /** Sobol indices with the model run by {@code evaluator}: points A_r, B_r, then A_B^(i) for every factor, row by row. */
    public static SensitivityResult sobol(List<Factor> factors, Evaluator evaluator, int n, int bootstrap, long seed, Progress progress) {
        int k = factors.size();
        if (n < 10) {
            throw OsteobiomeException.invalid("Sobol needs at least 10 base samples");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                a[r][i] = random.nextDouble();
            }
            for (int i = 0; i < k; i++) {
                b[r][i] = random.nextDouble();
            }
        }
        long total = (long) n * (k + 2);
        double[][] points = new double[Math.toIntExact(total)][];
        for (int r = 0; r < n; r++) {
            points[r * (k + 2)] = values(factors, a[r]);
            points[r * (k + 2) + 1] = values(factors, b[r]);
            for (int i = 0; i < k; i++) {
                double[] mixed = a[r].clone();
                mixed[i] = b[r][i];
                points[r * (k + 2) + 2 + i] = values(factors, mixed);
            }
        }
        double[] y = evaluator.evaluate(points, progress);
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[k][n];
        for (int r = 0; r < n; r++) {
            fa[r] = y[r * (k + 2)];
            fb[r] = y[r * (k + 2) + 1];
            for (int i = 0; i < k; i++) {
                fab[i][r] = y[r * (k + 2) + 2 + i];
            }
        }
        int[] all = IntStream.range(0, n).toArray();
        double[][] out = new double[k][6];
        SplittableRandom resampler = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int[][] resamples = new int[bootstrap][n];
        for (int s = 0; s < bootstrap; s++) {
            for (int r = 0; r < n; r++) {
                resamples[s][r] = resampler.nextInt(n);
            }
        }
        for (int i = 0; i < k; i++) {
            double[] point = indices(fa, fb, fab[i], all);
            double[] s1 = new double[bootstrap];
            double[] st = new double[bootstrap];
            for (int s = 0; s < bootstrap; s++) {
                double[] v = indices(fa, fb, fab[i], resamples[s]);
                s1[s] = v[0];
                st[s] = v[1];
            }
            Arrays.sort(s1);
            Arrays.sort(st);
            out[i] = new double[] {point[0], percentile(s1, 0.025), percentile(s1, 0.975), point[1], percentile(st, 0.025),
                percentile(st, 0.975)};
        }
        return new SensitivityResult("sobol", List.copyOf(factors), List.of("S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"),
                out, total);
    }

    /**
     * First-order (Saltelli 2010) and total (Jansen 1999) indices of one factor over the given rows. The outputs are
     * centred on their mean first: the first-order estimator's terms f(B)·(f(A_B) − f(A)) have the same expectation
     * either way, but uncentred their variance grows with the squared mean of the output, so an output far from zero
     * relative to its spread (BV/TV near 80 % varying by a few points) gave first-order indices above the total ones
     * and intervals far outside [0, 1].
     */
    private static double[] indices(double[] fa, double[] fb, double[] fab, int[] rows) {
        int n = rows.length;
        double mean = 0;
        for (int r : rows) {
            mean += fa[r] + fb[r];
        }
        mean /= 2 * n;
        double variance = 0;
        double first = 0;
        double total = 0;
        for (int r : rows) {
            variance += (fa[r] - mean) * (fa[r] - mean) + (fb[r] - mean) * (fb[r] - mean);
            first += (fb[r] - mean) * (fab[r] - fa[r]);
            total += (fa[r] - fab[r]) * (fa[r] - fab[r]);
        }
        variance /= 2 * n - 1;
        return new double[] {first / n / variance, total / (2.0 * n) / variance};
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    static double[] values(List<Factor> factors, double[] u) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = factors.get(i).at(u[i]);
        }
        return x;
    }


    /** Factor values as a list, for messages. */
    static List<String> ids(List<Factor> factors) {
        List<String> out = new ArrayList<>();
        factors.forEach(fc -> out.add(fc.id()));
        return out;
    }
}
