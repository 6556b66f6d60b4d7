package org.osteobiome.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TableFormat;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.app.report.TrajectoryWriter;
import org.osteobiome.model.Trajectory;
import org.osteobiome.app.service.SimulationRequest;
import org.osteobiome.app.service.SimulationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome simulate MODEL …}: run a model and print or save its trajectory. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate a model. Prints a table to standard output: a header 'time' followed by the column names,"
                + " time in days, one row per output time including the final time."},
        footer = {"", "Examples:",
            "  osteobiome simulate islam2021-butyrate --set case=3 --t-end 28",
            "  osteobiome simulate gut-bone-axis --scenario ovx-la --observables bv_tv_pct,th17_bone_pct",
            "  osteobiome simulate nelson2026-menopause --set variant=surgical-long --step 365 --observables bmd_pct --plot bmd.png",
            "", "Research software; not a diagnostic device."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id (see 'osteobiome models')")
    String modelId;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario of gut-bone-axis (see 'osteobiome scenarios')")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "set a parameter (repeatable); see 'osteobiome model show MODEL'")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--t-start", paramLabel = "DAYS", description = "first output time (default: the model's)")
    Double tStart;

    @Option(names = "--t-end", paramLabel = "DAYS", description = "last output time (default: the model's)")
    Double tEnd;

    @Option(names = "--step", paramLabel = "DAYS", description = "output spacing (default: the model's)")
    Double step;

    @Option(names = "--observables", split = ",", paramLabel = "NAME", description = "columns to output (default: all)")
    List<String> observables = new ArrayList<>();

    @Option(names = "--format", defaultValue = "tsv", paramLabel = "tsv|csv|json", description = "table format (default: tsv)")
    TableFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE instead of standard output")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "also draw the chosen observables")
    Path plot;

    @Mixin
    SolverMixin solverOptions;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        SimulationService.Run run = SimulationService.run(new SimulationRequest(modelId, set, scenario, tStart, tEnd, step, observables,
                solverOptions.solver, solverOptions.rtol, solverOptions.atol));
        run.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
        Trajectory trajectory = run.selected();
        Map<String, String> explicit = run.parameters().explicitValues();
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            TrajectoryWriter.write(trajectory, format, explicit, stdout);
        } else {
            AtomicFiles.write(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                TrajectoryWriter.write(trajectory, format, explicit, writer);
            });
        }
        if (plot != null) {
            FigureWriter.write(TrajectoryFigures.of(trajectory, run.title()), plot);
        }
        return 0;
    }
}
