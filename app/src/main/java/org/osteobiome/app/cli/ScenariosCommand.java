package org.osteobiome.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.osteobiome.model.scenario.Scenario;
import org.osteobiome.model.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osteobiome scenarios}: the built-in scenarios of gut-bone-axis. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the built-in scenarios of gut-bone-axis (data files; write your own as JSON and pass the file).")
public final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = ScenarioFiles.BUILT_IN.stream().mapToInt(String::length).max().orElse(0);
        for (String name : ScenarioFiles.BUILT_IN) {
            Scenario s = ScenarioFiles.load(name);
            out.printf("%-" + width + "s  %-5s  %s%n", name, s.species().id(), s.description());
        }
        out.flush();
        return 0;
    }
}
