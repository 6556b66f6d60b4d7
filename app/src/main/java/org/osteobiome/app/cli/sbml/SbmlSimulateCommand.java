package org.osteobiome.app.cli.sbml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.SolverException;
import org.osteobiome.model.ode.SolverOptions;
import org.osteobiome.model.ode.Solvers;
import org.osteobiome.sbml.CombineArchive;
import org.osteobiome.sbml.SbmlImporter;
import org.osteobiome.sbml.SbmlOdeModel;
import org.osteobiome.sbml.SbmlSimulator;
import org.osteobiome.sbml.SedmlTimeCourse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome sbml simulate FILE.xml}: run an SBML model on osteobiome's solvers. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate an SBML model (ODE content: compartments, species, parameters, reactions, rules, initial assignments,"
                + " function definitions, events with delays and priorities, piecewise). Refuses algebraic rules, fast reactions,"
                + " delay(), rateOf and SBML packages with a message naming the feature.",
            "Prints a table: time, then the chosen symbols (species as concentrations unless listed in --amounts)."},
        footer = {"", "Example:", "  osteobiome sbml simulate ovx-la.xml --t-end 42 --step 1 --variables bv_tv_pct,th17_bone_pct --plot ovx-la.png"})
public final class SbmlSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.xml", description = "SBML file")
    Path file;

    @Option(names = "--t-end", paramLabel = "TIME",
            description = "last output time in the model's time unit (default: the experiment's, from FILE.omex or a FILE.sedml beside"
                    + " FILE.xml; otherwise 10)")
    Double tEnd;

    @Option(names = "--step", paramLabel = "TIME", description = "output spacing (default: t-end/100)")
    Double step;

    @Option(names = "--variables", split = ",", paramLabel = "ID", description = "symbols to output (default: every symbol)")
    List<String> variables = new ArrayList<>();

    @Option(names = "--amounts", split = ",", paramLabel = "SPECIES", description = "species to output as amounts")
    List<String> amounts = new ArrayList<>();

    @Option(names = "--solver", defaultValue = "rodas4", paramLabel = "NAME", description = "rodas4 (default), radau5 or dp853")
    String solver;

    @Option(names = "--rtol", defaultValue = "1e-8", paramLabel = "TOL", description = "relative tolerance (default 1e-8)")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-12", paramLabel = "TOL", description = "absolute tolerance (default 1e-12)")
    double atol;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "order of simultaneous events of equal priority (default 1)")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "plot the output variables")
    Path plot;

    @Option(names = "--no-progress", description = "do not draw a progress bar (drawn on standard error when a run takes over 2 s)")
    boolean noProgress;

    /** FILE.xml → FILE.sedml beside it. */
    private static Path beside(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        if (tEnd != null && !(tEnd > 0)) {
            throw OsteobiomeException.invalid("--t-end must be positive");
        }
        if (step != null && !(step > 0)) {
            throw OsteobiomeException.invalid("--step must be positive");
        }
        SedmlTimeCourse experiment = null;
        SbmlOdeModel model;
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".omex")) {
            CombineArchive.Contents archive = CombineArchive.read(file);
            experiment = archive.experiment();
            model = SbmlImporter.read(file + "!/" + experiment.modelSource(), archive.sbml());
        } else {
            model = SbmlImporter.read(file);
            Path sedml = beside(file, ".sedml");
            if (sedml != null && Files.isRegularFile(sedml)) {
                experiment = SedmlTimeCourse.read(sedml.toString(), Files.readString(sedml));
            }
        }
        List<String> names = variables.isEmpty() ? model.symbols() : variables;
        double[] times;
        if (tEnd == null && step == null && experiment != null) {
            times = experiment.times();
            spec.commandLine().getErr().println("time course from the experiment: 0 to " + Numbers.format(experiment.end()) + " in "
                    + experiment.intervals() + " steps");
        } else {
            double end = tEnd != null ? tEnd : experiment != null ? experiment.end() : 10;
            times = OdeProblem.grid(0, end, step == null ? end / 100 : step);
        }
        SbmlSimulator.Result r;
        try (CliProgress bar = CliProgress.startWhenSlow("simulate", !noProgress)) {
            r = SbmlSimulator.simulate(model, Solvers.byName(solver, SolverOptions.tolerances(rtol, atol)), times, names,
                    new LinkedHashSet<>(amounts), seed, bar.reporter());
        } catch (SolverException e) {
            throw new OsteobiomeException(e.code(), file + ": model '" + model.id() + "' could not be solved: " + e.getMessage(), e);
        }
        List<String> header = new ArrayList<>();
        header.add("time");
        header.addAll(r.columns());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.times().length; i++) {
            List<String> row = new ArrayList<>();
            row.add(Numbers.format(r.times()[i]));
            for (double v : r.values()[i]) {
                row.add(Numbers.format(v));
            }
            rows.add(row);
        }
        String table = TextTable.tsv(header, rows);
        TextOutput.emit(spec, out, table);
        if (plot != null) {
            List<Figure.Panel> panels = new ArrayList<>();
            for (int c = 0; c < r.columns().size(); c++) {
                double[] y = new double[r.times().length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = r.values()[i][c];
                }
                String id = r.columns().get(c);
                String unit = amounts.contains(id) ? "amount, in the file's substance unit"
                        : model.unit(id).orElse("unit not declared in the file");
                panels.add(new Figure.Panel(id + " (" + unit + ")", List.of(new Figure.Line(id, r.times(), y)), List.of()));
            }
            FigureWriter.write(new Figure(model.id(), "time (" + model.timeUnit().orElse("time unit not declared in the file") + ")",
                    panels, "The SBML model " + file.getFileName() + " simulated by osteobiome's " + solver + " solver, one panel"
                    + " per variable, in the units the file declares."), plot);
        }
        return 0;
    }
}
