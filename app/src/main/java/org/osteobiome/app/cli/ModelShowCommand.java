package org.osteobiome.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSpec;
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
                // Short columns aligned; each parameter's meaning and source wrapped beneath it, so lines stay readable.
                List<List<String>> rows = model.parameters().stream()
                        .map(p -> List.of(p.id(), p.defaultText(), p.unit(), p.rangeText())).toList();
                out.println(wrap(model.id() + " — " + model.summary(), ""));
                out.println();
                out.println(wrap(model.reference(), ""));
                out.println();
                out.println(solverLine(model));
                out.println();
                out.println("Parameters (set with --set NAME=VALUE; --format tsv gives the whole table):");
                String[] aligned = TextTable.aligned(List.of("parameter", "default", "unit", "allowed"), rows).split("\n");
                out.println(aligned[0].stripTrailing());
                for (int i = 0; i < model.parameters().size(); i++) {
                    ParameterSpec p = model.parameters().get(i);
                    out.println(aligned[i + 1].stripTrailing());
                    String source = p.source() == null || p.source().isBlank() ? "" : " [" + p.source() + "]";
                    out.println(wrap(p.meaning() + source, "    "));
                }
                out.println();
                out.println("Observables (choose with --observables):");
                for (Observable o : model.observables()) {
                    out.println(wrap(o.id() + (o.unit().isBlank() ? "" : " (" + o.unit() + ")") + ": " + o.description(), "    ")
                            .replaceFirst("^ {4}", "  "));
                }
                out.println();
                out.println("Research software; not a diagnostic device.");
            }
            default -> throw OsteobiomeException.invalid("--format must be text, tsv or markdown, got '" + format + "'");
        }
        out.flush();
        return 0;
    }

    /** Lines of at most {@value #WIDTH} characters, each starting with {@code indent}, broken between words. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }

    static final int WIDTH = 100;

    /** The model's default solver, as one line. */
    static String solverLine(org.osteobiome.model.Model model) {
        org.osteobiome.model.SolverDefaults d = model.solverDefaults();
        return "Solver: " + d.solver() + ", rtol " + org.osteobiome.core.Numbers.format(d.relativeTolerance()) + ", atol "
                + org.osteobiome.core.Numbers.format(d.absoluteTolerance()) + " (change with --solver, --rtol, --atol)";
    }
}
