package org.osteobiome.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterTables;
import org.osteobiome.core.OsteobiomeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome model show ID|--all}: the model's reference, parameter table and observables. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show a model's reference, its parameters (id, default, unit, allowed values, meaning, source) "
                + "and its observables.",
        footer = {"", "Examples:", "  osteobiome model show gut-bone-axis",
                "  osteobiome model show --format markdown --all > docs/parameters.md"})
public final class ModelShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "model id (see 'osteobiome models')")
    String modelId;

    @Option(names = "--all", description = "every model (with --format markdown or tsv)")
    boolean all;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|tsv|markdown",
            description = "text: aligned for reading (default); tsv: the parameter table only, tab-separated; "
                    + "markdown: reference and parameter table with roles (fixed, calibrated, setting)")
    String format;

    @Override
    public Integer call() {
        if (all == (modelId != null)) {
            throw OsteobiomeException.invalid("give either a model id or --all; models: " + String.join(", ", ModelCatalog.ids()));
        }
        List<Model> models = all ? ModelCatalog.all() : List.of(ModelCatalog.get(modelId));
        PrintWriter out = spec.commandLine().getOut();
        List<String> header = List.of("model", "parameter", "default", "unit", "allowed", "meaning", "source", "role");
        switch (format) {
            case "markdown" -> out.print(ParameterTables.markdown(models));
            case "tsv" -> out.print(TextTable.tsv(all ? header : header.subList(1, 7), models.stream()
                    .flatMap(m -> m.parameters().stream().map(p -> List.of(m.id(), p.id(), p.defaultText(), p.unit(), p.rangeText(),
                            p.meaning(), p.source(), p.role().name().toLowerCase(java.util.Locale.ROOT))))
                    .map(row -> all ? row : row.subList(1, 7)).toList()));
            case "text" -> {
                if (all) {
                    throw OsteobiomeException.invalid("--all needs --format markdown or tsv");
                }
                Model model = models.get(0);
                List<List<String>> rows = model.parameters().stream()
                        .map(p -> List.of(p.id(), p.defaultText(), p.unit(), p.rangeText(), p.meaning(), p.source())).toList();
                out.println(model.id() + " — " + model.summary());
                out.println();
                out.println(model.reference());
                out.println();
                out.println(solverLine(model));
                out.println();
                out.println("Parameters (set with --set NAME=VALUE):");
                out.print(TextTable.aligned(header.subList(1, 7), rows));
                out.println();
                out.println("Observables (choose with --observables):");
                out.print(TextTable.aligned(List.of("observable", "unit", "description"),
                        model.observables().stream().map(o -> List.of(o.id(), o.unit(), o.description())).toList()));
                out.println();
                out.println("Research software; not a diagnostic device.");
            }
            default -> throw OsteobiomeException.invalid("--format must be text, tsv or markdown, got '" + format + "'");
        }
        out.flush();
        return 0;
    }

    /** The model's default solver, as one line. */
    static String solverLine(org.osteobiome.model.Model model) {
        org.osteobiome.model.SolverDefaults d = model.solverDefaults();
        return "Solver: " + d.solver() + ", rtol " + org.osteobiome.core.Numbers.format(d.relativeTolerance()) + ", atol "
                + org.osteobiome.core.Numbers.format(d.absoluteTolerance()) + " (change with --solver, --rtol, --atol)";
    }
}
