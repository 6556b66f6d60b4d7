package org.osteobiome.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome model show ID}: the model's reference, parameter table and observables. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show a model's reference, its parameters (id, default, unit, allowed values, meaning, source) "
                + "and its observables.")
public final class ModelShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id (see 'osteobiome models')")
    String modelId;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|tsv",
            description = "text: aligned for reading (default); tsv: the parameter table only, tab-separated")
    String format;

    @Override
    public Integer call() {
        Model model = ModelCatalog.get(modelId);
        PrintWriter out = spec.commandLine().getOut();
        List<List<String>> rows = model.parameters().stream()
                .map(p -> List.of(p.id(), p.defaultText(), p.unit(), p.rangeText(), p.meaning(), p.source())).toList();
        List<String> header = List.of("parameter", "default", "unit", "allowed", "meaning", "source");
        switch (format) {
            case "tsv" -> out.print(TextTable.tsv(header, rows));
            case "text" -> {
                out.println(model.id() + " — " + model.summary());
                out.println();
                out.println(model.reference());
                out.println();
                out.println("Parameters (set with --set NAME=VALUE):");
                out.print(TextTable.aligned(header, rows));
                out.println();
                out.println("Observables (choose with --observables):");
                out.print(TextTable.aligned(List.of("observable", "unit", "description"),
                        model.observables().stream().map(o -> List.of(o.id(), o.unit(), o.description())).toList()));
                out.println();
                out.println("Research software; not a diagnostic device.");
            }
            default -> throw org.osteobiome.core.OsteobiomeException.invalid("--format must be text or tsv, got '" + format + "'");
        }
        out.flush();
        return 0;
    }
}
