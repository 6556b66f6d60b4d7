package org.osteobiome.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osteobiome models}: the model ids, one line each. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the models, one line each.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = ModelCatalog.ids().stream().mapToInt(String::length).max().orElse(0);
        for (Model m : ModelCatalog.all()) {
            out.printf("%-" + width + "s  %s%n", m.id(), m.summary());
        }
        out.flush();
        return 0;
    }
}
