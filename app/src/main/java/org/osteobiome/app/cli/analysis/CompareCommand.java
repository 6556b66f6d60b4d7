package org.osteobiome.app.cli.analysis;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome compare --scenario A --scenario B …}: scenarios side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run several scenarios and show the chosen observables side by side (a column per observable and scenario), "
                + "with a summary at the last time.",
        footer = {"", "Example:", "  osteobiome compare --scenario ovx --scenario ovx-la --scenario ovx-la-no-butyrate "
                + "--observables bv_tv_pct,th17_bone_pct,treg_bone_pct", "", "Research software; not a diagnostic device."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "gut-bone-axis", paramLabel = "MODEL", description = "model (default gut-bone-axis)")
    String modelId;

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE", description = "a scenario (repeat for each)")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--observables", split = ",", required = true, paramLabel = "NAME",
            description = "observables to compare (see 'osteobiome model show MODEL')")
    List<String> observables = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "", description = "parameter for every scenario")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--step", paramLabel = "DAYS", description = "output spacing (default: the first scenario's)")
    Double step;

    @Option(names = "--t-end", paramLabel = "DAYS", description = "last time (default: the first scenario's end; doses without a stop day continue)")
    Double tEnd;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE instead of standard output")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "one panel per observable, one line per scenario")
    Path plot;

    @Override
    public Integer call() throws Exception {
        if (scenarios.size() < 2) {
            throw OsteobiomeException.invalid("compare needs at least two --scenario options");
        }
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        Model model = ModelCatalog.get(modelId);
        SimulationSettings settings = step == null ? SimulationSettings.DEFAULTS : SimulationSettings.DEFAULTS.withStep(step);
        if (tEnd != null) {
            settings = settings.withEndTime(tEnd);
        }
        List<Trajectory> runs = new ArrayList<>();
        double[] grid = null;
        for (String scenario : scenarios) {
            SimulationSettings s = grid == null ? settings : settings.withOutputTimes(grid);
            Trajectory t = model.simulate(ModelRuns.parameters(model, set, scenario), s).select(observables);
            if (grid == null) {
                grid = t.time();
            }
            runs.add(t);
        }
        List<String> header = new ArrayList<>();
        header.add("time");
        for (String o : runs.get(0).names()) {
            for (String s : scenarios) {
                header.add(o + "[" + s + "]");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < grid.length; r++) {
            List<String> row = new ArrayList<>();
            row.add(Numbers.format(grid[r]));
            for (String o : runs.get(0).names()) {
                for (Trajectory t : runs) {
                    row.add(Numbers.format(t.values()[r][t.indexOf(o)]));
                }
            }
            rows.add(row);
        }
        String table = TextTable.tsv(header, rows);
        TextOutput.emit(spec, out, table);
        PrintWriter err = spec.commandLine().getErr();
        List<List<String>> summary = new ArrayList<>();
        for (String o : runs.get(0).names()) {
            List<String> row = new ArrayList<>();
            row.add(o);
            for (Trajectory t : runs) {
                row.add(Numbers.format(Math.round(t.last(o) * 1e4) / 1e4));
            }
            summary.add(row);
        }
        List<String> summaryHeader = new ArrayList<>();
        summaryHeader.add("at day " + Numbers.format(grid[grid.length - 1]));
        summaryHeader.addAll(scenarios);
        err.print(TextTable.aligned(summaryHeader, summary));
        err.println("(research model output, not a diagnostic device)");
        err.flush();
        if (plot != null) {
            FigureWriter.write(TrajectoryFigures.comparison(model.id() + ": " + String.join(" vs ", scenarios), scenarios, runs), plot);
        }
        return 0;
    }
}
