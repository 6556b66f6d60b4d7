package org.osteobiome.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code osteobiome} command. */
@Command(name = "osteobiome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate the gut–immune–bone axis in postmenopausal osteoporosis.",
        footer = {"", "Research software for forming and testing hypotheses; not a diagnostic device."},
        subcommands = {ModelsCommand.class, ModelCommand.class, SimulateCommand.class, DemoCommand.class})
public final class OsteobiomeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
