package org.osteobiome.app.cli;

import java.util.List;
import java.util.Set;
import org.osteobiome.app.cli.analysis.CompareCommand;
import org.osteobiome.app.cli.microbiome.DiversityCommand;
import org.osteobiome.app.cli.microbiome.OrdinateCommand;
import org.osteobiome.app.cli.microbiome.StatsCommand;
import org.osteobiome.app.cli.microbiome.TableCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code osteobiome} command. Its subcommands are added by {@link #commandLine(String[])} rather than
 * declared, so that a run builds only the command it runs: picocli builds the model of every declared command when
 * the root is created, which took 0.2 s of the 0.45 s start-up.
 */
@Command(name = "osteobiome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate the gut–immune–bone axis in postmenopausal osteoporosis and analyse gut microbiome tables.",
        footer = {"", "Research software for forming and testing hypotheses; not a diagnostic device."})
public final class OsteobiomeCommand extends ParentCommand {
    /** The top-level commands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ModelsCommand.class, ModelCommand.class, SimulateCommand.class,
            ScenariosCommand.class, CompareCommand.class, org.osteobiome.app.cli.analysis.FitCommand.class,
            org.osteobiome.app.cli.analysis.SensitivityCommand.class, org.osteobiome.app.cli.analysis.VpopCommand.class,
            org.osteobiome.app.cli.sbml.SbmlCommand.class, DemoCommand.class, ServeCommand.class, TableCommand.class,
            DiversityCommand.class, OrdinateCommand.class, StatsCommand.class, org.osteobiome.app.cli.microbiome.IndexCommand.class,
            org.osteobiome.app.cli.microbiome.CohortCommand.class, org.osteobiome.app.cli.microbiome.MapCommand.class,
            org.osteobiome.app.cli.microbiome.ForecastCommand.class, org.osteobiome.app.cli.microbiome.PowerCommand.class,
            org.osteobiome.app.cli.analysis.TrialCommand.class, CompletionCommand.class, ReferenceCommand.class,
            CommandLine.HelpCommand.class);
    /** Commands that read the whole tree. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion", "reference");

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command tree for these arguments: only the command that the first argument names, or none for
     * {@code --version}; every command when the arguments ask for the usage, help, the reference or completion, or
     * name no command (so that picocli's error lists them all).
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new OsteobiomeCommand());
        String first = args.length > 0 ? args[0] : "";
        if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            return cli;
        }
        Class<?> only = WHOLE_TREE.contains(first) ? null : named(first);
        for (Class<?> command : SUBCOMMANDS) {
            if (only == null || command == only) {
                cli.addSubcommand(command);
            }
        }
        return cli;
    }

    private static Class<?> named(String name) {
        for (Class<?> command : SUBCOMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (annotation.name().equals(name) || List.of(annotation.aliases()).contains(name)) {
                return command;
            }
        }
        return null;
    }
}
