package org.osteobiome.app.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * A virtual randomised trial of L. acidophilus against placebo on the human preset of {@code gut-bone-axis}: women
 * drawn from the calibrated between-woman variability (the shipped human variability), enrolled at one time since
 * menopause, followed for the trial's years; the endpoint is the % change of lumbar-spine BMD from enrolment, as
 * trials report it, with DXA measurement error added (precision per scan, default 1.2%, so the error of a change is
 * √2 times it). Every simulated woman is run in both arms (paired), which gives the expected difference and each arm's
 * spread; the trial itself randomises the first n women 1:1 (woman i to arm i mod 2), so each woman is seen in one arm
 * only, and reports the arms' means, the difference with its Welch 95% interval and p, and the power at that n for the
 * expected difference (two-sided α 0.05, normal approximation).
 */
public final class VirtualTrial {
    private VirtualTrial() {
    }

    /**
     * @param n            women randomised (both arms together)
     * @param startYear    years since menopause at enrolment
     * @param years        follow-up
     * @param dose         L. acidophilus in 1e9 CFU/day in the active arm
     * @param population   women simulated in both arms for the expected effect (at least n)
     * @param dxaPrecision DXA precision per scan, % (0: none)
     */
    public record Settings(int n, double startYear, double years, double dose, int population, double dxaPrecision, long seed,
                           int threads) {
        public Settings {
            if (n < 4 || n > 100_000) {
                throw OsteobiomeException.invalid("--n " + n + ": randomise 4 to 100000 women");
            }
            if (!(dxaPrecision >= 0 && dxaPrecision <= 10)) {
                throw OsteobiomeException.invalid("--dxa-precision " + dxaPrecision + ": give a precision per scan in %, 0 to 10");
            }
            if (!(dose > 0)) {
                throw OsteobiomeException.invalid("--arms: the active arm needs a dose above 0 (la:10 is 1e10 CFU/day)");
            }
            new BoneForecast.Settings(startYear, years, dose, BoneForecast.Menopause.NATURAL, Math.max(n, population), seed, threads);
        }
    }

    /** One arm of the trial: its women and the mean % change with its 95% interval. */
    public record Arm(String name, int women, double meanChange, double lower, double upper, double sd) {
    }

    /**
     * @param expectedDifference mean paired difference (active − placebo) over the simulated women, percentage points
     * @param difference         the trial's difference of means with its Welch 95% interval and two-sided p
     * @param power              power of a trial of n women to detect the expected difference
     */
    public record Result(Settings settings, Arm placebo, Arm active, double difference, double lower, double upper, double pValue,
                         double expectedDifference, double power, List<String> failures) {
        /** The same result under other settings (to compare runs that differ only in their thread count). */
        public Result withSettings(Settings other) {
            return new Result(other, placebo, active, difference, lower, upper, pValue, expectedDifference, power, failures);
        }
    }

    public static Result run(Settings s, Progress progress) {
        int population = Math.max(s.n(), s.population());
        Model model = ModelCatalog.get("gut-bone-axis");
        double start = 365.25 * s.startYear();
        double end = 365.25 * (s.startYear() + s.years());
        SimulationSettings sim = SimulationSettings.DEFAULTS.withOutputTimes(new double[] {start, end});
        BoneForecast.Settings arms = new BoneForecast.Settings(s.startYear(), s.years(), s.dose(), BoneForecast.Menopause.NATURAL,
                population, s.seed(), s.threads());
        double[][] change = new double[2][population];
        List<String> failures = new ArrayList<>();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("osteobiome-trial");
            for (int a = 0; a < 2; a++) {
                Path file = folder.resolve("arm" + a + ".json");
                Files.writeString(file, BoneForecast.scenario(a == 0 ? "trial-placebo" : "trial-la", arms, end, a == 0 ? 0 : s.dose()),
                        StandardCharsets.UTF_8);
                java.util.Arrays.fill(change[a], Double.NaN);
                int arm = a;
                long offset = (long) a * population;
                VirtualPopulation.Result r = VirtualPopulation.run(model, ParameterSet.defaults(model).with("scenario", file.toString()),
                        sim, Variability.resource("human-variability.tsv"), List.of(BoneForecast.OBSERVABLE), population, s.seed(),
                        s.threads(), (d, t) -> progress.report(offset + d, 2L * population),
                        (i, values) -> change[arm][i] = 100 * (values[1][0] / values[0][0] - 1));
                failures.addAll(r.failures());
            }
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(folder == null ? "a temporary folder" : folder, e);
        } finally {
            BoneForecast.deleteQuietly(folder);
        }
        // DXA error: one draw per woman and arm from her own stream, so the result does not depend on the threads.
        double noise = Math.sqrt(2) * s.dxaPrecision();
        double[][] measured = new double[2][population];
        for (int i = 0; i < population; i++) {
            SplittableRandom random = Parallel.random(s.seed() ^ 0x5DEECE66DL, i);
            for (int a = 0; a < 2; a++) {
                measured[a][i] = change[a][i] + noise * random.nextGaussian();
            }
        }
        double paired = 0;
        int pairs = 0;
        for (int i = 0; i < population; i++) {
            double d = change[1][i] - change[0][i];
            if (Double.isFinite(d)) {
                paired += d;
                pairs++;
            }
        }
        if (pairs == 0) {
            throw OsteobiomeException.invalid("every virtual woman's run failed; first: " + failures.get(0));
        }
        double expected = paired / pairs;
        double[] sdAll = {sd(measured[0], 0, population, 1), sd(measured[1], 0, population, 1)};
        Arm placebo = arm("placebo", measured[0], 0, s.n());
        Arm active = arm(String.format(java.util.Locale.ROOT, "L. acidophilus %s×10⁹ CFU/day", BoneForecast.trim(s.dose())), measured[1],
                1, s.n());
        double se = Math.sqrt(placebo.sd() * placebo.sd() / placebo.women() + active.sd() * active.sd() / active.women());
        double va = placebo.sd() * placebo.sd() / placebo.women();
        double vb = active.sd() * active.sd() / active.women();
        double df = (va + vb) * (va + vb) / (va * va / (placebo.women() - 1) + vb * vb / (active.women() - 1));
        TDistribution t = new TDistribution(df);
        double diff = active.meanChange() - placebo.meanChange();
        double q = t.inverseCumulativeProbability(0.975);
        double p = 2 * t.cumulativeProbability(-Math.abs(diff / se));
        int perArm = s.n() / 2;
        double expectedSe = Math.sqrt((sdAll[0] * sdAll[0] + sdAll[1] * sdAll[1]) / perArm);
        NormalDistribution z = new NormalDistribution();
        double power = z.cumulativeProbability(Math.abs(expected) / expectedSe - 1.959963984540054)
                + z.cumulativeProbability(-Math.abs(expected) / expectedSe - 1.959963984540054);
        return new Result(s, placebo, active, diff, diff - q * se, diff + q * se, p, expected, power, failures);
    }

    /** The trial's arm: women i < n with i mod 2 = arm who ran. */
    private static Arm arm(String name, double[] values, int arm, int n) {
        List<Double> v = new ArrayList<>();
        for (int i = arm; i < n; i += 2) {
            if (Double.isFinite(values[i])) {
                v.add(values[i]);
            }
        }
        double[] x = v.stream().mapToDouble(Double::doubleValue).toArray();
        if (x.length < 2) {
            throw OsteobiomeException.invalid("the " + name + " arm has fewer than 2 women whose runs finished");
        }
        double mean = java.util.Arrays.stream(x).average().orElse(Double.NaN);
        double sd = sd(x, 0, x.length, 1);
        double half = new TDistribution(x.length - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(x.length);
        return new Arm(name, x.length, mean, mean - half, mean + half, sd);
    }

    /** Sample SD of the finite values[from, to) taken every {@code step}. */
    private static double sd(double[] values, int from, int to, int step) {
        double sum = 0;
        double sq = 0;
        int m = 0;
        for (int i = from; i < to; i += step) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                sq += values[i] * values[i];
                m++;
            }
        }
        double mean = sum / m;
        return Math.sqrt(Math.max(0, (sq - m * mean * mean) / (m - 1)));
    }
}
