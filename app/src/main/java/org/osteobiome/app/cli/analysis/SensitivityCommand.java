package org.osteobiome.app.cli.analysis;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.service.SensitivityStudy;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.BarChartWriter;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.app.engine.ClusterEngine;
import org.osteobiome.app.engine.ClusterEngines;
import org.osteobiome.app.engine.ClusterOptions;
import org.osteobiome.app.engine.EvaluationRequest;
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
            "  osteobiome sensitivity gut-bone-axis --scenario ovx --output bv_tv_pct --at 28 --method sobol --samples 20000 --engine spark",
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

    @Option(names = "--engine", defaultValue = ClusterEngines.LOCAL, paramLabel = "local|spark",
            description = "where Morris' and Sobol's model runs go: local threads (default) or Apache Spark (same indices)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: the one spark-submit set, else local mode)")
    String master;

    @Override
    public Integer call() {
        int workers = ModelRuns.threads(threads); // checked before any output
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        boolean local = engine.equals(ClusterEngines.LOCAL);
        ClusterEngine cluster = local ? null : ClusterEngines.get(engine);
        if (local && master != null) {
            throw OsteobiomeException.invalid("--master needs --engine spark");
        }
        if (!local && method.equals("local")) {
            throw OsteobiomeException.invalid("--engine spark runs Morris and Sobol studies; local sensitivities (2k + 1 runs) need no"
                    + " cluster, leave out --engine");
        }
        Model model = ModelCatalog.get(modelId);
        SensitivityStudy study = new SensitivityStudy(model, ModelRuns.parameters(model, set, scenario), output, at, method, parameters,
                bounds, range, samples, bootstrap, seed);
        List<Factor> factors = study.factors(); // unknown observable, time or parameter fails here, before any sampling
        Sensitivity.Evaluator evaluator = null;
        if (!local) {
            EvaluationRequest request = study.evaluation(factors);
            ClusterOptions options = new ClusterOptions(master, workers);
            evaluator = (points, progress) -> cluster.evaluate(request, points, options, progress);
        }
        SensitivityResult result;
        try (CliProgress bar = CliProgress.start("sensitivity", !method.equals("local"))) {
            result = study.run(evaluator, workers, bar.reporter());
        }
        print(result);
        if (result.method().equals("sobol")) {
            warnAboutWideIntervals(result, study.sampleCount());
        }
        if (plot != null) {
            List<String> names = result.factors().stream().map(Factor::id).toList();
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String column : SensitivityStudy.plotted(result.method())) {
                int c = result.columns().indexOf(column);
                double[] v = new double[names.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.isFinite(result.values()[i][c]) ? result.values()[i][c] : 0;
                }
                series.put(column, v);
            }
            String day = Numbers.format(at);
            String caption = switch (result.method()) {
                case "local" -> "Normalised local sensitivity ∂y/∂p · p/y of " + output + " at day " + day + ": the per-cent"
                        + " change of " + output + " for a 1 % change of each parameter around its nominal value.";
                case "morris" -> "Morris elementary effects on " + output + " at day " + day + ": μ* (mean absolute effect)"
                        + " ranks the parameters' influence; σ (their spread) marks non-linearity or interaction. Seed " + seed + ".";
                default -> "Sobol indices of " + output + " at day " + day + ": S1, the share of its variance due to each"
                        + " parameter alone; ST, with all its interactions (" + study.sampleCount() + " samples, seed " + seed
                        + "; an index without an estimate is drawn at 0).";
            };
            BarChartWriter.write(model.id() + ": " + method + " sensitivity of " + output + " at day " + day, "parameter",
                    "index (dimensionless)", names, series, caption, plot);
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
