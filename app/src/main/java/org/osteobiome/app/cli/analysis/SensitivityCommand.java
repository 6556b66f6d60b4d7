package org.osteobiome.app.cli.analysis;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.ModelRuns;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.BarChartWriter;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.sensitivity.Factor;
import org.osteobiome.model.sensitivity.Sensitivity;
import org.osteobiome.model.sensitivity.SensitivityResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome sensitivity MODEL --output OBS --at TIME --method …}: which parameters move an output. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sensitivity of one observable at one time to the model's parameters: normalised local sensitivities"
                + " (∂y/∂p · p/y), Morris elementary effects (μ*, σ) or Sobol first- and total-order indices (Saltelli/Jansen"
                + " estimators) with bootstrap 95 %% intervals.",
            "Each parameter varies log-uniformly over ±RANGE around its value (uniformly when its value is 0), or over"
                + " --bounds."},
        footer = {"", "Examples:",
            "  osteobiome sensitivity gut-bone-axis --scenario ovx --output bv_tv_pct --at 28 --method local",
            "  osteobiome sensitivity gut-bone-axis --scenario ovx --output bv_tv_pct --at 28 --method sobol --samples 256 --plot s.png",
            "", "Research software; not a diagnostic device."})
public final class SensitivityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id")
    String modelId;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario of gut-bone-axis")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "", description = "fixed parameter value (repeatable)")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--output", required = true, paramLabel = "OBSERVABLE", description = "the observable to analyse")
    String output;

    @Option(names = "--at", required = true, paramLabel = "DAYS", description = "time of the output (days)")
    double at;

    @Option(names = "--method", defaultValue = "local", paramLabel = "local|morris|sobol", description = "default local")
    String method;

    @Option(names = "--parameters", split = ",", paramLabel = "NAME",
            description = "parameters to vary (default: the model's calibrated parameters that act in this scenario, or all its real"
                    + " parameters if it has none)")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--range", defaultValue = "0.2", paramLabel = "FRACTION", description = "±fraction around each value (default 0.2)")
    double range;

    @Option(names = "--bounds", paramLabel = "NAME=LOW:HIGH", description = "explicit range of a parameter (uniform)")
    Map<String, String> bounds = new LinkedHashMap<>();

    @Option(names = "--samples", paramLabel = "N", description = "Morris trajectories (default 20) or Sobol base samples (default 256)")
    Integer samples;

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "N", description = "Sobol bootstrap resamples (default 200)")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the sampling (default 1)")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "parallel model runs (default: all cores)")
    Integer threads;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "bar chart of the indices")
    Path plot;

    @Override
    public Integer call() {
        int workers = ModelRuns.threads(threads); // checked before any output
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        if (!(range > 0 && range < 1)) {
            throw OsteobiomeException.invalid("--range must lie strictly between 0 and 1, got " + Numbers.format(range));
        }
        Model model = ModelCatalog.get(modelId);
        ParameterSet base = ModelRuns.parameters(model, set, scenario);
        SimulationSettings settings = SimulationSettings.DEFAULTS.withOutputTimes(new double[] {at});
        model.simulate(base, settings).select(List.of(output)); // unknown observable or time fails here, before any sampling
        List<Factor> factors = factors(model, base);
        Sensitivity.Output f = x -> {
            ParameterSet p = base;
            for (int i = 0; i < x.length; i++) {
                p = p.with(factors.get(i).id(), x[i]);
            }
            return model.simulate(p, settings).at(at, output);
        };
        int k = workers;
        SensitivityResult result;
        try (CliProgress bar = CliProgress.start("sensitivity", !method.equals("local"))) {
            result = switch (method) {
                case "local" -> Sensitivity.local(factors, f, k);
                case "morris" -> Sensitivity.morris(factors, f, samples == null ? 20 : samples, seed, k, bar.reporter());
                case "sobol" -> Sensitivity.sobol(factors, f, samples == null ? 256 : samples, bootstrap, seed, k, bar.reporter());
                default -> throw OsteobiomeException.invalid("--method must be local, morris or sobol, got '" + method + "'");
            };
        }
        print(result);
        if (result.method().equals("sobol")) {
            warnAboutWideIntervals(result, samples == null ? 256 : samples);
        }
        if (plot != null) {
            List<String> names = result.factors().stream().map(Factor::id).toList();
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String column : plotted(result.method())) {
                int c = result.columns().indexOf(column);
                double[] v = new double[names.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.isFinite(result.values()[i][c]) ? result.values()[i][c] : 0;
                }
                series.put(column, v);
            }
            BarChartWriter.write(model.id() + ": " + method + " sensitivity of " + output + " at day " + Numbers.format(at), "index", names,
                    series, plot);
            spec.commandLine().getErr().println("plot: " + plot);
        }
        return 0;
    }

    /** Interval width above which an index cannot be read to one decimal. */
    private static final double READABLE_WIDTH = 0.1;

    /**
     * Warns, per factor, where a bootstrap interval is wider than {@link #READABLE_WIDTH}, with the base sample count that
     * would narrow it to that width (Monte Carlo intervals shrink as 1/√N).
     */
    private void warnAboutWideIntervals(SensitivityResult r, int n) {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < r.factors().size(); i++) {
            double[] v = r.values()[i];
            double width = Math.max(v[r.columns().indexOf("S1_high")] - v[r.columns().indexOf("S1_low")],
                    v[r.columns().indexOf("ST_high")] - v[r.columns().indexOf("ST_low")]);
            if (width > READABLE_WIDTH) {
                long needed = (long) Math.ceil(n * Math.pow(width / READABLE_WIDTH, 2));
                err.println("warning: the 95 % interval of " + r.factors().get(i).id() + " is " + Numbers.format(Math.round(width * 1000) / 1000.0)
                        + " wide; --samples " + needed + " would narrow it to about " + READABLE_WIDTH);
            }
        }
        err.flush();
    }

    private static List<String> plotted(String method) {
        return switch (method) {
            case "local" -> List.of("normalised");
            case "morris" -> List.of("mu_star", "sigma");
            default -> List.of("S1", "ST");
        };
    }

    private List<Factor> factors(Model model, ParameterSet base) {
        List<String> ids = new ArrayList<>(parameters);
        java.util.Set<String> inactive = model.inactiveParameters(base);
        for (String id : ids) {
            if (inactive.contains(id)) {
                throw OsteobiomeException.invalid("--parameters " + id + ": " + id + " has no effect in this scenario (it belongs to the other"
                        + " species preset); leave it out");
            }
        }
        if (ids.isEmpty()) {
            List<ParameterSpec> reals = model.parameters().stream()
                    .filter(s -> s.kind() == ParameterSpec.Kind.REAL && !inactive.contains(s.id())).toList();
            List<ParameterSpec> calibrated = reals.stream().filter(s -> s.role() == ParameterSpec.Role.CALIBRATED).toList();
            (calibrated.isEmpty() ? reals.stream().filter(s -> s.role() != ParameterSpec.Role.SETTING).toList() : calibrated)
                    .forEach(s -> ids.add(s.id()));
        }
        for (String id : bounds.keySet()) {
            if (!ids.contains(id)) {
                throw OsteobiomeException.invalid("--bounds " + id + " names a parameter that is not varied; add it to --parameters");
            }
        }
        List<Factor> factors = new ArrayList<>();
        for (String id : ids) {
            ParameterSpec s = model.parameters().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                    OsteobiomeException.invalid("--parameters " + id + ": model " + model.id() + " has no parameter " + id));
            if (s.kind() != ParameterSpec.Kind.REAL) {
                throw OsteobiomeException.invalid("--parameters " + id + ": only real-valued parameters can be varied");
            }
            double v = base.real(id);
            Factor factor;
            if (bounds.containsKey(id)) {
                double[] b = ModelRuns.bounds(id, bounds.get(id));
                factor = new Factor(id, Math.min(b[1], Math.max(b[0], v)), b[0], b[1], false);
            } else {
                factor = Factor.around(id, v, range);
            }
            if (factor.lower() < s.min() || factor.upper() > s.max()) {
                throw OsteobiomeException.invalid("the range of " + id + " [" + Numbers.format(factor.lower()) + ", "
                        + Numbers.format(factor.upper()) + "] leaves its allowed range " + s.rangeText() + "; give --bounds " + id + "=LOW:HIGH");
            }
            factors.add(factor);
        }
        return factors;
    }

    private void print(SensitivityResult r) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> header = new ArrayList<>();
        header.add("parameter");
        header.add("low");
        header.add("high");
        header.addAll(r.columns());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.factors().size(); i++) {
            Factor f = r.factors().get(i);
            List<String> row = new ArrayList<>(List.of(f.id(), Numbers.format(f.lower()), Numbers.format(f.upper())));
            for (double v : r.values()[i]) {
                row.add(Double.isNaN(v) ? "NA" : Numbers.format(Math.round(v * 1e4) / 1e4));
            }
            rows.add(row);
        }
        out.print(TextTable.aligned(header, rows));
        out.println(r.method() + " sensitivity of " + output + " at day " + Numbers.format(at) + "; model evaluations: " + r.evaluations());
        out.println("(research model output, not a diagnostic device)");
        out.flush();
    }
}
