package org.osteobiome.app.cli.analysis;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.service.FitStudy;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.SolverMixin;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.AnalysisFigures;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.data.MeasurementTable;
import org.osteobiome.model.fit.FitParameter;
import org.osteobiome.model.fit.FitResult;
import org.osteobiome.model.fit.Fitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome fit MODEL --data FILE --fit p1,p2}: estimate parameters from a measurement table. */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Estimate model parameters from measurements by weighted least squares (Levenberg–Marquardt from several"
                + " seeded starts, optionally after CMA-ES), with 95 %% confidence intervals by profile likelihood or parametric"
                + " bootstrap.",
            "The measurement table is tab-separated: observable, condition (parameter=value;…), time_days, measurement,"
                + " noise_sd, source, use. Each distinct condition is one simulation."},
        footer = {"", "Examples:",
            "  osteobiome fit nelson2026-menopause --data nelson2026-bmd.tsv --fit e_PC,e_Sc --plot fit.png",
            "  osteobiome fit gut-bone-axis --data gut-bone-axis-targets.tsv --fit c_OC,y_L,k_td --multistart 8 --seed 3",
            "", "Shipped tables (nelson2026-bmd.tsv, cook2022-bennett.tsv, gut-bone-axis-targets.tsv, …) are found by name.",
            "Research software; not a diagnostic device."})
public final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id (see 'osteobiome models')")
    String modelId;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "measurement table (a file, or a shipped table's name)")
    String data;

    @Option(names = "--fit", required = true, split = ",", paramLabel = "PARAMETER", description = "parameters to estimate")
    List<String> fit = new ArrayList<>();

    @Option(names = "--bounds", paramLabel = "NAME=LOW:HIGH", description = "search bounds (default: the default value ÷100 to ×100, "
            + "within the allowed range; the allowed range for parameters whose default is 0)")
    Map<String, String> bounds = new LinkedHashMap<>();

    @Option(names = "--use", paramLabel = "WORD", description = "fit only rows whose 'use' column is WORD (default: every row)")
    String use;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario for rows whose condition names none (gut-bone-axis)")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "", description = "fixed parameter for every condition")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--multistart", defaultValue = "8", paramLabel = "N", description = "number of starts (default 8; the first is the default values)")
    int multistart;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the random starts and the bootstrap (default 1)")
    long seed;

    @Option(names = "--intervals", defaultValue = "profile", paramLabel = "profile|bootstrap|none", description = "confidence intervals (default profile)")
    String intervals;

    @Option(names = "--bootstrap", defaultValue = "100", paramLabel = "N", description = "bootstrap replicates (default 100)")
    int replicates;

    @Option(names = "--cmaes", description = "search globally with CMA-ES before the local fits (rough landscapes)")
    boolean cmaes;

    @Mixin
    SolverMixin solverOptions;

    @Option(names = "--threads", paramLabel = "K", description = "parallel starts (default: all cores)")
    Integer threads;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "model curves at the estimates with the data (± SD)")
    Path plot;

    @Override
    public Integer call() {
        int workers = ModelRuns.threads(threads); // checked before any output
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        Model model = ModelCatalog.get(modelId);
        MeasurementTable table = ModelRuns.measurements(data);
        List<Measurement> rows = use == null ? table.measurements() : table.where(m -> m.use().equals(use));
        if (rows.isEmpty()) {
            throw OsteobiomeException.invalid(table.name() + ": no rows" + (use == null ? "" : " with use = " + use));
        }
        Set<String> observables = new LinkedHashSet<>();
        model.observables().forEach(o -> observables.add(o.id()));
        for (Measurement m : rows) {
            if (!observables.contains(m.observable())) {
                throw OsteobiomeException.unknown(table.name() + ": observable '" + m.observable() + "' is not one of " + model.id()
                        + "'s; its observables: " + String.join(", ", observables));
            }
        }
        ParameterSet base = ModelRuns.parameters(model, set, scenario);
        List<FitParameter> parameters = new ArrayList<>();
        for (String id : fit) {
            parameters.add(FitStudy.parameter(model, base, id, bounds.get(id)));
        }
        for (String id : bounds.keySet()) {
            if (!fit.contains(id)) {
                throw OsteobiomeException.invalid("--bounds " + id + " names a parameter that is not in --fit " + String.join(",", fit));
            }
        }
        FitResult result;
        try (CliProgress bar = CliProgress.start("fit", true)) {
            Fitter.Options options = new Fitter.Options(multistart, seed, intervals, replicates, cmaes,
                    workers, bar.reporter(),
                    solverOptions.applyTo(SimulationSettings.DEFAULTS));
            result = Fitter.fit(model, base, rows, parameters, options);
        }
        print(result, rows.size());
        if (plot != null) {
            FigureWriter.write(AnalysisFigures.fit(model, base, result), plot);
            spec.commandLine().getErr().println("plot: " + plot);
        }
        return 0;
    }

    private void print(FitResult r, int n) {
        PrintWriter out = spec.commandLine().getOut();
        List<List<String>> rows = new ArrayList<>();
        List<String> atBound = new ArrayList<>();
        for (int j = 0; j < r.parameters().size(); j++) {
            FitParameter p = r.parameters().get(j);
            String lower = intervalEnd(r.lower()[j], p.lower(), "≤ ");
            String upper = intervalEnd(r.upper()[j], p.upper(), "≥ ");
            if (lower.startsWith("≤") || upper.startsWith("≥")) {
                atBound.add(p.id());
            }
            rows.add(List.of(p.id(), Numbers.format(r.estimates()[j]), lower, upper,
                    "[" + Numbers.format(p.lower()) + ", " + Numbers.format(p.upper()) + "]" + (p.logScale() ? " log" : "")));
        }
        out.print(TextTable.aligned(List.of("parameter", "estimate", "lower_95", "upper_95", "bounds"), rows));
        out.println();
        out.println("confidence intervals: " + r.intervalMethod() + (r.weighted() ? "" : " (no SDs reported: σ estimated from the residuals)"));
        if (!atBound.isEmpty()) {
            out.println("interval ends marked ≤/≥ reached a search bound: the data do not bound " + String.join(", ", atBound)
                    + " on that side within the search range, so the true end lies beyond it; widen --bounds to see how far");
        }
        out.println((r.weighted() ? "chi-square " : "sum of squares ") + Numbers.format(r.objective()) + " over " + n + " measurements");
        StringBuilder starts = new StringBuilder();
        for (double s : r.starts()) {
            starts.append(starts.isEmpty() ? "" : ", ").append(Numbers.format(Math.round(s * 1000) / 1000.0));
        }
        out.println("objective from each start (best first): " + starts);
        out.println("model evaluations: " + r.evaluations());
        out.println();
        List<List<String>> fits = new ArrayList<>();
        for (DataComparison.Pair pair : r.pairs()) {
            Measurement m = pair.measurement();
            fits.add(List.of(m.observable(), condition(m.condition()), Numbers.format(m.time()), Numbers.format(m.value()),
                    Double.isNaN(m.noiseSd()) ? "NA" : Numbers.format(m.noiseSd()), Numbers.format(round(pair.predicted())),
                    Double.isNaN(pair.zScore()) ? "NA" : Numbers.format(round(pair.zScore()))));
        }
        out.print(TextTable.aligned(List.of("observable", "condition", "time_days", "measured", "sd", "fitted", "z"), fits));
        StringBuilder setLine = new StringBuilder();
        for (int j = 0; j < r.parameters().size(); j++) {
            setLine.append(" --set ").append(r.parameters().get(j).id()).append('=').append(Numbers.format(r.estimates()[j]));
        }
        out.println();
        out.println("to simulate at the estimates:" + setLine);
        out.println("(research model output, not a diagnostic device)");
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String condition(Map<String, String> c) {
        return FitStudy.condition(c);
    }

    /**
     * An interval end: NA where none was computed ({@code --intervals none}), and marked with {@code mark} (≤ or ≥) where
     * it sits on the search bound, which means the interval was cut there rather than estimated.
     */
    static String intervalEnd(double v, double searchBound, String mark) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        boolean onBound = Math.abs(v - searchBound) <= 1e-6 * Math.max(Math.abs(searchBound), Double.MIN_NORMAL);
        return (onBound ? mark : "") + Numbers.format(v);
    }
}
