package org.osteobiome.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osteobiome model …}: commands about one model. */
@Command(name = "model", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Describe one model.", subcommands = {ModelShowCommand.class})
public final class ModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
