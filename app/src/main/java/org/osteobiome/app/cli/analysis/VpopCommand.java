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
import org.osteobiome.app.cli.SolverMixin;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.engine.ClusterEngine;
import org.osteobiome.app.engine.ClusterEngines;
import org.osteobiome.app.engine.ClusterOptions;
import org.osteobiome.app.engine.ClusterOutput;
import org.osteobiome.app.engine.PopulationRequest;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.app.report.AnalysisFigures;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome vpop MODEL --n N --variability FILE}: a virtual population. */
@Command(name = "vpop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate a virtual population: N subjects whose parameters are drawn from a variability file, in parallel."
                + " Prints the 5/25/50/75/95 %% quantiles of each observable over time; --subjects writes each subject's drawn"
                + " parameters and final values.",
            "Variability file (TSV): parameter, distribution (lognormal|normal|uniform), a, b — lognormal: a = median or 'nominal',"
                + " b = SD of ln; normal: a = mean or 'nominal', b = SD; uniform: a = low, b = high."},
        footer = {"", "Examples:",
            "  osteobiome vpop gut-bone-axis --scenario menopause-natural --n 1000 --variability human-variability.tsv --observables bmd_pct",
            "  osteobiome vpop gut-bone-axis --scenario ovx-la --n 200 --variability mouse-variability.tsv --plot band.png",
            "  osteobiome vpop gut-bone-axis --scenario menopause-natural --n 1000000 --variability human-variability.tsv \\",
            "      --observables bmd_pct --engine spark --subjects subjects.parquet",
            "", "Research software; not a diagnostic device."})
public final class VpopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id")
    String modelId;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario of gut-bone-axis")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "", description = "parameter shared by all subjects")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N", description = "number of subjects (default 1000)")
    int n;

    @Option(names = "--variability", required = true, paramLabel = "FILE",
            description = "variability file, or a shipped one: human-variability.tsv, mouse-variability.tsv")
    String variability;

    @Option(names = "--observables", split = ",", paramLabel = "NAME", description = "observables to summarise (default: all)")
    List<String> observables = new ArrayList<>();

    @Option(names = "--step", paramLabel = "DAYS", description = "output spacing (default: the scenario's)")
    Double step;

    @Option(names = "--t-end", paramLabel = "DAYS", description = "last time (default: the scenario's)")
    Double tEnd;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default 1); subject i's draw depends only on S and i")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "parallel subjects (default: all cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "write the quantile table to FILE instead of standard output")
    Path out;

    @Option(names = "--subjects", paramLabel = "FILE", description = "per-subject parameters and final values (TSV; a new Parquet"
            + " directory or URI with --engine spark)")
    String subjects;

    @Option(names = "--engine", defaultValue = ClusterEngines.LOCAL, paramLabel = "local|spark",
            description = "where the subjects run: local threads (default) or Apache Spark (same subjects, same quantiles)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (spark://host:7077, local[K]); default: the one"
            + " spark-submit set, else local mode on --threads")
    String master;

    @Mixin
    SolverMixin solverOptions;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "median with 50 %% and 90 %% bands per observable")
    Path plot;

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
        String subjectsTarget = local || subjects == null ? null : ClusterOutput.of("--subjects", subjects);
        long most = local ? 10_000_000 : 1_000_000_000;
        if (n < 1 || n > most) {
            throw OsteobiomeException.invalid("--n must be between 1 and " + most + (local ? " (more with --engine spark)" : "")
                    + ", got " + n);
        }
        Model model = ModelCatalog.get(modelId);
        ParameterSet base = ModelRuns.parameters(model, set, scenario);
        Variability v = ModelRuns.variability(model, variability);
        SimulationSettings settings = solverOptions.applyTo(SimulationSettings.DEFAULTS);
        if (step != null) {
            settings = settings.withStep(step);
        }
        if (tEnd != null) {
            settings = settings.withEndTime(tEnd);
        }
        VirtualPopulation.Summary r;
        long started = System.nanoTime();
        try (CliProgress bar = CliProgress.start("vpop", true)) {
            if (local) {
                VirtualPopulation.Result result = VirtualPopulation.run(model, base, settings, v, observables, n, seed,
                        workers, bar.reporter());
                if (subjects != null) {
                    AtomicFiles.writeText(Path.of(subjects), subjectTable(result, v));
                }
                r = result.summary();
            } else {
                PopulationRequest request = new PopulationRequest(base, settings, v, observables, n, seed, subjectsTarget);
                r = cluster.population(request, new ClusterOptions(master, workers), bar.reporter());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String table = quantileTable(r);
        TextOutput.emit(spec, out, table);
        PrintWriter err = spec.commandLine().getErr();
        err.println(n + " subjects in " + Numbers.format(Math.round(seconds * 100) / 100.0) + " s; " + r.failed() + " failed"
                + (r.firstFailures().isEmpty() ? "" : " (first: " + r.firstFailures().get(0) + ")"));
        if (!local && subjects != null) {
            err.println("per-subject outcomes (Parquet): " + subjects);
        }
        for (int c = 0; c < r.observables().size(); c++) {
            double[] q = r.quantiles()[c][r.time().length - 1];
            err.println(r.observables().get(c) + " at day " + Numbers.format(r.time()[r.time().length - 1]) + ": median "
                    + round(q[2]) + ", 90 % of subjects within [" + round(q[0]) + ", " + round(q[4]) + "]");
        }
        err.println("(research model output, not a diagnostic device)");
        if (plot != null) {
            FigureWriter.write(AnalysisFigures.vpop(model, r), plot);
            err.println("plot: " + plot);
        }
        err.flush();
        return 0;
    }

    private static String round(double v) {
        return Numbers.format(Math.round(v * 1000) / 1000.0);
    }

    private static final String[] LEVEL_NAMES = {"q05", "q25", "median", "q75", "q95"};

    static String quantileTable(VirtualPopulation.Summary r) {
        List<String> header = new ArrayList<>();
        header.add("time");
        for (String o : r.observables()) {
            for (String level : LEVEL_NAMES) {
                header.add(o + "_" + level);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < r.time().length; t++) {
            List<String> row = new ArrayList<>();
            row.add(Numbers.format(r.time()[t]));
            for (int c = 0; c < r.observables().size(); c++) {
                for (double q : r.quantiles()[c][t]) {
                    row.add(Numbers.format(q));
                }
            }
            rows.add(row);
        }
        return TextTable.tsv(header, rows);
    }

    static String subjectTable(VirtualPopulation.Result r, Variability v) {
        List<String> header = new ArrayList<>();
        header.add("subject");
        v.variations().forEach(x -> header.add(x.parameter()));
        r.observables().forEach(o -> header.add(o + "_final"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.parameters().length; i++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            for (double p : r.parameters()[i]) {
                row.add(Numbers.format(p));
            }
            for (double f : r.finals()[i]) {
                row.add(Double.isNaN(f) ? "NA" : Numbers.format(f));
            }
            rows.add(row);
        }
        return TextTable.tsv(header, rows);
    }
}
