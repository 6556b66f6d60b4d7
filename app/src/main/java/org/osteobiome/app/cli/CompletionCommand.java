package org.osteobiome.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osteobiome completion}: the shell completion script for every command and option (bash and zsh). */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a completion script for bash and zsh: commands, subcommands, options and their enum values.",
            "Load it for this shell with: source <(osteobiome completion)"},
        footer = {"", "Examples:",
            "  osteobiome completion > ~/.local/share/bash-completion/completions/osteobiome",
            "  echo 'source <(osteobiome completion)' >> ~/.bashrc"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
