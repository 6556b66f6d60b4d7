package org.osteobiome.model.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.Pair;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;

/**
 * Parameter estimation for any model: weighted least squares by Levenberg–Marquardt (Hipparchus) from several
 * seeded starts, optionally after a global CMA-ES search, with 95 % confidence intervals by profile likelihood or
 * parametric bootstrap. Bounds are enforced by clamping; positive bounds are searched on a log scale.
 */
public final class Fitter {
    private static final double CHI2_95_ONE_DOF = 3.841458820694124;

    private Fitter() {
    }

    /**
     * How to fit.
     *
     * @param multistart   number of starts (the first is the current parameter values, the others seeded random draws)
     * @param seed         seed of the random starts and of the bootstrap
     * @param intervals    "profile", "bootstrap" or "none"
     * @param bootstrap    bootstrap replicates
     * @param cmaes        run CMA-ES over the bounds before the local searches (for rough landscapes)
     * @param threads      starts and replicates run in parallel on this many threads
     * @param progress     receives (finished starts or replicates, total)
     */
    public record Options(int multistart, long seed, String intervals, int bootstrap, boolean cmaes, int threads, Progress progress,
                          org.osteobiome.model.SimulationSettings solver) {
        public static Options defaults() {
            return new Options(8, 1, "profile", 100, false, Runtime.getRuntime().availableProcessors(), Progress.NONE);
        }

        /** Options that simulate at the model's own solver settings. */
        public Options(int multistart, long seed, String intervals, int bootstrap, boolean cmaes, int threads, Progress progress) {
            this(multistart, seed, intervals, bootstrap, cmaes, threads, progress, org.osteobiome.model.SimulationSettings.DEFAULTS);
        }

        public Options {
            if (multistart < 1 || bootstrap < 2 || threads < 1) {
                throw OsteobiomeException.invalid("multistart and threads must be ≥ 1, bootstrap replicates ≥ 2");
            }
            if (!List.of("profile", "bootstrap", "none").contains(intervals)) {
                throw OsteobiomeException.invalid("intervals must be profile, bootstrap or none, got '" + intervals + "'");
            }
        }
    }

    public static FitResult fit(Model model, ParameterSet base, List<Measurement> data, List<FitParameter> parameters, Options options) {
        if (data.isEmpty()) {
            throw OsteobiomeException.invalid("no measurements to fit");
        }
        if (parameters.isEmpty()) {
            throw OsteobiomeException.invalid("name at least one parameter to fit");
        }
        for (FitParameter fp : parameters) {
            base.real(fp.id()); // unknown ids fail here with the list of valid ones
        }
        Objective objective = new Objective(model, base, data, parameters, options.solver());
        int p = parameters.size();
        double[] nominal = new double[p];
        for (int j = 0; j < p; j++) {
            FitParameter fp = parameters.get(j);
            nominal[j] = fp.toSearch(Math.min(fp.upper(), Math.max(fp.lower(), base.real(fp.id()))));
        }
        List<double[]> starts = new ArrayList<>();
        starts.add(nominal);
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int s = 1; s < options.multistart(); s++) {
            double[] x = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = random.nextDouble(parameters.get(j).searchLower(), parameters.get(j).searchUpper());
            }
            starts.add(x);
        }
        if (options.cmaes()) {
            starts.add(0, cmaes(objective, parameters, nominal, options.seed()));
        }
        double[][] solutions = new double[starts.size()][];
        double[] values = new double[starts.size()];
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Parallel.forEach(options.threads(), starts.size(), s -> {
            solutions[s] = levenbergMarquardt(objective, parameters, starts.get(s), -1, Double.NaN);
            values[s] = Objective.sumOfSquares(objective.residuals(solutions[s]));
            options.progress().report(done.incrementAndGet(), starts.size());
        });
        int best = 0;
        for (int s = 1; s < values.length; s++) {
            if (values[s] < values[best]) {
                best = s;
            }
        }
        double[] x = solutions[best];
        double chi2 = values[best];
        double[] lower = new double[p];
        double[] upper = new double[p];
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        int n = data.size();
        // Without reported SDs, σ² is estimated from the residuals (when the data allow it).
        double scale = objective.weighted ? 1 : (n > p ? chi2 / (n - p) : Double.NaN);
        String method = options.intervals();
        if (method.equals("profile") && Double.isFinite(scale)) {
            double[] limits = new double[2 * p];
            double threshold = chi2 + CHI2_95_ONE_DOF * scale;
            java.util.concurrent.atomic.AtomicLong sides = new java.util.concurrent.atomic.AtomicLong();
            Parallel.forEach(options.threads(), 2 * p, k -> {
                limits[k] = profile(objective, parameters, x, k / 2, k % 2 == 0 ? -1 : 1, threshold);
                options.progress().report(sides.incrementAndGet(), 2 * p);
            });
            for (int j = 0; j < p; j++) {
                lower[j] = parameters.get(j).fromSearch(limits[2 * j]);
                upper[j] = parameters.get(j).fromSearch(limits[2 * j + 1]);
            }
        } else if (method.equals("bootstrap") && Double.isFinite(scale)) {
            double[][] limits = bootstrap(objective, parameters, x, data, scale, options);
            lower = limits[0];
            upper = limits[1];
        } else if (!method.equals("none")) {
            method = "none (too few measurements to estimate the noise)";
        }
        double[] estimates = new double[p];
        for (int j = 0; j < p; j++) {
            estimates[j] = parameters.get(j).fromSearch(x[j]);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<DataComparison.Pair> pairs = DataComparison.compare(model, objective.parametersAt(x), data, objective.solver());
        return new FitResult(List.copyOf(parameters), estimates, lower, upper,
                method.equals("profile") ? "profile likelihood" : method.equals("bootstrap") ? "parametric bootstrap" : method,
                chi2, objective.weighted, sorted, objective.evaluations.get(), pairs);
    }

    /**
     * Levenberg–Marquardt from x0 with forward-difference Jacobians. When {@code fixed} ≥ 0 that coordinate is held
     * at {@code fixedValue} (for profiles).
     */
    static double[] levenbergMarquardt(Objective objective, List<FitParameter> parameters, double[] x0, int fixed, double fixedValue) {
        int p = parameters.size();
        int[] free = IntStream.range(0, p).filter(j -> j != fixed).toArray();
        if (free.length == 0) {
            double[] x = x0.clone();
            x[fixed] = fixedValue;
            return x;
        }
        double[] full = x0.clone();
        if (fixed >= 0) {
            full[fixed] = fixedValue;
        }
        double[] start = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            start[k] = full[free[k]];
        }
        int m = objective.size();
        LeastSquaresBuilder builder = new LeastSquaresBuilder()
                .start(start)
                .target(new double[m])
                .maxEvaluations(400)
                .maxIterations(200)
                .lazyEvaluation(false)
                .parameterValidator(v -> clamp(v, parameters, free))
                .model(point -> {
                    double[] y = expand(full, free, point.toArray());
                    double[] r = objective.residuals(y);
                    double[][] jac = new double[m][free.length];
                    for (int k = 0; k < free.length; k++) {
                        double h = 1e-6 * Math.max(1, Math.abs(y[free[k]]));
                        double[] shifted = y.clone();
                        shifted[free[k]] += h;
                        double[] rh = objective.residuals(shifted);
                        for (int i = 0; i < m; i++) {
                            jac[i][k] = (rh[i] - r[i]) / h;
                        }
                    }
                    return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
                });
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(builder.build());
            return expand(full, free, optimum.getPoint().toArray());
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            return full; // did not converge within the budget: keep the start; other starts or the profile go on
        }
    }

    private static RealVector clamp(RealVector v, List<FitParameter> parameters, int[] free) {
        double[] a = v.toArray();
        for (int k = 0; k < a.length; k++) {
            FitParameter fp = parameters.get(free[k]);
            a[k] = Math.min(fp.searchUpper(), Math.max(fp.searchLower(), a[k]));
        }
        return new ArrayRealVector(a, false);
    }

    private static double[] expand(double[] full, int[] free, double[] values) {
        double[] x = full.clone();
        for (int k = 0; k < free.length; k++) {
            x[free[k]] = values[k];
        }
        return x;
    }

    /** Global search over the bounds, polished afterwards by Levenberg–Marquardt. */
    private static double[] cmaes(Objective objective, List<FitParameter> parameters, double[] nominal, long seed) {
        int p = parameters.size();
        double[] lb = new double[p];
        double[] ub = new double[p];
        double[] sigma = new double[p];
        for (int j = 0; j < p; j++) {
            lb[j] = parameters.get(j).searchLower();
            ub[j] = parameters.get(j).searchUpper();
            sigma[j] = (ub[j] - lb[j]) / 4;
        }
        CMAESOptimizer optimizer = new CMAESOptimizer(200, 0, true, 0, 0, new Well19937c(seed), false, null);
        return optimizer.optimize(new MaxEval(3000), GoalType.MINIMIZE, new InitialGuess(nominal), new SimpleBounds(lb, ub),
                new ObjectiveFunction(x -> Objective.sumOfSquares(objective.residuals(x))),
                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(p)))).getPoint();
    }

    /**
     * One profile-likelihood limit of coordinate j (direction −1 lower, +1 upper): step outwards from the optimum,
     * re-optimising the other parameters, until the objective exceeds the threshold, then bisect; a bound that is
     * reached is the limit.
     */
    private static double profile(Objective objective, List<FitParameter> parameters, double[] best, int j, double direction,
                                  double threshold) {
        FitParameter fp = parameters.get(j);
        double bound = direction < 0 ? fp.searchLower() : fp.searchUpper();
        double step = Math.max(0.05, 0.02 * Math.abs(fp.searchUpper() - fp.searchLower()));
        double inside = best[j];
        double[] previous = best;
        for (int iteration = 0; iteration < 30; iteration++) {
            double trial = inside + direction * step;
            if (direction * (trial - bound) >= 0) {
                trial = bound;
            }
            double[] x = levenbergMarquardt(objective, parameters, previous, j, trial);
            if (Objective.sumOfSquares(objective.residuals(x)) > threshold) {
                double in = inside;
                double out = trial;
                for (int b = 0; b < 5; b++) {
                    double mid = 0.5 * (in + out);
                    double[] xm = levenbergMarquardt(objective, parameters, previous, j, mid);
                    if (Objective.sumOfSquares(objective.residuals(xm)) > threshold) {
                        out = mid;
                    } else {
                        in = mid;
                        previous = xm;
                    }
                }
                return 0.5 * (in + out);
            }
            if (trial == bound) {
                return bound;
            }
            inside = trial;
            previous = x;
            step *= 1.6;
        }
        return inside;
    }

    /** Percentile intervals from refits to data simulated at the estimate with Gaussian noise of the measurements' SDs. */
    private static double[][] bootstrap(Objective objective, List<FitParameter> parameters, double[] best, List<Measurement> data,
                                        double scale, Options options) {
        double[] predicted = objective.predictions(best);
        int p = parameters.size();
        int replicates = options.bootstrap();
        double[][] samples = new double[replicates][];
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Parallel.forEach(options.threads(), replicates, b -> {
            SplittableRandom random = new SplittableRandom(options.seed() * 31 + b);
            List<Measurement> synthetic = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                Measurement m = data.get(i);
                double sd = (m.noiseSd() > 0 ? m.noiseSd() : 1) * Math.sqrt(scale);
                double noise = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                synthetic.add(new Measurement(m.observable(), m.condition(), m.time(), predicted[i] + sd * noise, m.noiseSd(),
                        "bootstrap", m.use()));
            }
            Objective replicate = new Objective(objective.model(), objective.base(), synthetic, parameters, objective.solver());
            double[] x = levenbergMarquardt(replicate, parameters, best, -1, Double.NaN);
            double[] values = new double[p];
            for (int j = 0; j < p; j++) {
                values[j] = parameters.get(j).fromSearch(x[j]);
            }
            samples[b] = values;
            options.progress().report(done.incrementAndGet(), replicates);
        });
        double[][] limits = new double[2][p];
        for (int j = 0; j < p; j++) {
            double[] column = new double[replicates];
            for (int b = 0; b < replicates; b++) {
                column[b] = samples[b][j];
            }
            Arrays.sort(column);
            limits[0][j] = column[(int) Math.floor(0.025 * (replicates - 1))];
            limits[1][j] = column[(int) Math.ceil(0.975 * (replicates - 1))];
        }
        return limits;
    }

}
