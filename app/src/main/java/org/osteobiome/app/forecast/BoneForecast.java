package org.osteobiome.app.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.core.Quantiles;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * Her bone over the coming years, with and without L. acidophilus, on the human preset of {@code gut-bone-axis}: her
 * gut inputs ({@link GutInputs}) set, estrogen falling from menopause on, supplementation from her start year on, and
 * bands from a seeded virtual population of women around her (the shipped human variability; the same women in every
 * arm, so the difference between arms is paired).
 */
public final class BoneForecast {
    private BoneForecast() {
    }

    public static final String OBSERVABLE = "bmd_pct";
    /** Output every month. */
    static final double STEP_DAYS = 365.25 / 12;

    public enum Menopause { NATURAL, SURGICAL;
        String curve() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param startYear  years since her final menstrual period (or surgery) when the sample was taken
     * @param years      years to forecast from then
     * @param dose       L. acidophilus in 1e9 CFU/day for the supplemented arm, or 0 for no supplemented arm
     * @param population women in the virtual population around her (the bands)
     */
    public record Settings(double startYear, double years, double dose, Menopause menopause, int population, long seed, int threads) {
        public Settings {
            if (!(startYear >= 0 && startYear <= 30)) {
                throw OsteobiomeException.invalid("--start-year " + startYear + ": give the years since menopause, 0 to 30");
            }
            if (!(years > 0 && years <= 30)) {
                throw OsteobiomeException.invalid("--years " + years + ": forecast 0 < years ≤ 30");
            }
            if (!(dose >= 0 && dose <= 1000)) {
                throw OsteobiomeException.invalid("--supplement dose " + dose + ": give 1e9 CFU/day units, 0 < dose ≤ 1000 "
                        + "(la:10 is 1e10 CFU/day)");
            }
            if (population < 1 || population > 10_000) {
                throw OsteobiomeException.invalid("--population " + population + ": give 1 to 10000 women");
            }
            if (threads < 1) {
                throw OsteobiomeException.invalid("--threads " + threads + ": give at least 1");
            }
        }
    }

    /**
     * One arm.
     *
     * @param years     output times, years since menopause
     * @param typical   BMD (% of the value at menopause) of a woman with the nominal parameters and her gut inputs
     * @param reference the same with the healthy reference's gut inputs (F_set 1, L_res 0)
     * @param bands     {@code bands[level][time]} over the virtual population, levels {@link VirtualPopulation#LEVELS}
     */
    public record Arm(String name, String scenario, double[] years, double[] typical, double[] reference, double[][] bands,
                      List<String> failures) {
    }

    /**
     * The arms (no supplement first) and what supplementation adds.
     *
     * @param gain        {@code gain[level][time]}: quantiles over the virtual women of her BMD with supplement minus
     *                    without (the same woman in both arms), levels {@link VirtualPopulation#LEVELS}; empty without a
     *                    supplemented arm
     * @param typicalGain the same for the nominal woman
     */
    public record Result(GutInputs inputs, Settings settings, List<Arm> arms, double[][] gain, double[] typicalGain) {
        /** The arm without supplement. */
        public Arm untreated() {
            return arms.get(0);
        }

        /** Quantiles of the gain at the end of the horizon (empty without a supplemented arm). */
        public double[] endGain() {
            double[] out = new double[gain.length];
            for (int q = 0; q < gain.length; q++) {
                out[q] = gain[q][gain[q].length - 1];
            }
            return out;
        }
    }

    public static Result run(GutInputs inputs, Settings settings, Progress progress) {
        Model model = ModelCatalog.get("gut-bone-axis");
        double end = 365.25 * (settings.startYear() + settings.years());
        double start = 365.25 * settings.startYear();
        int count = (int) Math.round((end - start) / STEP_DAYS);
        double[] times = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            times[i] = start + (end - start) * i / count;
        }
        SimulationSettings sim = SimulationSettings.DEFAULTS.withOutputTimes(times);
        List<String> scenarios = new ArrayList<>();
        scenarios.add(scenario("forecast-no-supplement", settings, end, 0));
        if (settings.dose() > 0) {
            scenarios.add(scenario("forecast-la", settings, end, settings.dose()));
        }
        Variability variability = Variability.resource("human-variability.tsv");
        double[] yearsAxis = Arrays.stream(times).map(t -> t / 365.25).toArray();
        long total = (long) settings.population() * scenarios.size();
        List<Arm> arms = new ArrayList<>();
        double[][][] subjects = new double[scenarios.size()][settings.population()][];
        Path folder = null;
        try {
            folder = Files.createTempDirectory("osteobiome-forecast");
            for (int a = 0; a < scenarios.size(); a++) {
                int arm = a;
                Path file = folder.resolve("arm" + a + ".json");
                Files.writeString(file, scenarios.get(a), StandardCharsets.UTF_8);
                ParameterSet base = ParameterSet.defaults(model).with("scenario", file.toString());
                ParameterSet hers = base.with("F_set", inputs.fSet()).with("L_res", inputs.lRes());
                Trajectory typical = model.simulate(hers, sim);
                Trajectory reference = model.simulate(base, sim);
                long offset = (long) a * settings.population();
                VirtualPopulation.Result vpop = VirtualPopulation.run(model, hers, sim, variability, List.of(OBSERVABLE),
                        settings.population(), settings.seed(), settings.threads(), (done, n) -> progress.report(offset + done, total),
                        (i, values) -> subjects[arm][i] = Arrays.stream(values).mapToDouble(row -> row[0]).toArray());
                double[][] bands = new double[VirtualPopulation.LEVELS.length][times.length];
                for (int t = 0; t < times.length; t++) {
                    for (int q = 0; q < bands.length; q++) {
                        bands[q][t] = vpop.quantiles()[0][t][q];
                    }
                }
                arms.add(new Arm(a == 0 ? "no supplement" : String.format(Locale.ROOT, "L. acidophilus %s×10⁹ CFU/day from year %s",
                        trim(settings.dose()), trim(settings.startYear())), scenarios.get(a), yearsAxis, typical.column(OBSERVABLE),
                        reference.column(OBSERVABLE), bands, vpop.failures()));
            }
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(folder == null ? "a temporary folder" : folder, e);
        } finally {
            deleteQuietly(folder);
        }
        if (arms.size() == 1) {
            return new Result(inputs, settings, arms, new double[0][], new double[0]);
        }
        double[] typicalGain = new double[times.length];
        for (int t = 0; t < times.length; t++) {
            typicalGain[t] = arms.get(1).typical()[t] - arms.get(0).typical()[t];
        }
        return new Result(inputs, settings, arms, pairedGain(subjects[0], subjects[1], times.length), typicalGain);
    }

    /** Quantiles over the women who ran in both arms of (supplemented − not) at every time. */
    private static double[][] pairedGain(double[][] none, double[][] treated, int times) {
        double[][] gain = new double[VirtualPopulation.LEVELS.length][times];
        double[] d = new double[none.length];
        for (int t = 0; t < times; t++) {
            int m = 0;
            for (int i = 0; i < none.length; i++) {
                if (none[i] != null && treated[i] != null) {
                    d[m++] = treated[i][t] - none[i][t];
                }
            }
            double[] sorted = Arrays.copyOf(d, m);
            Arrays.sort(sorted);
            for (int q = 0; q < gain.length; q++) {
                gain[q][t] = m == 0 ? Double.NaN : Quantiles.of(sorted, VirtualPopulation.LEVELS[q]);
            }
        }
        return gain;
    }

    /** The scenario of one arm as the JSON a user could run again with {@code osteobiome simulate}. */
    static String scenario(String name, Settings s, double endDay, double dose) {
        String doses = dose > 0 ? String.format(Locale.ROOT, "[{\"agent\": \"l_acidophilus\", \"start_day\": %s, \"interval_days\": 0, "
                + "\"amount\": %s}]", trim(365.25 * s.startYear()), trim(dose)) : "[]";
        return String.format(Locale.ROOT, "{\"name\": \"%s\", \"description\": \"osteobiome forecast: %s menopause%s\", "
                + "\"species\": \"human\", \"start_day\": 0, \"end_day\": %s, \"step_days\": %s, \"estrogen\": {\"curve\": \"%s\"}, "
                + "\"doses\": %s, \"parameters\": {}}", name, s.menopause().curve(), dose > 0 ? ", L. acidophilus" : "",
                trim(endDay), trim(STEP_DAYS), s.menopause().curve(), doses);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
