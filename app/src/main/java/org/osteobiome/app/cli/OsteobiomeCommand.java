package org.osteobiome.app.cli;

import org.osteobiome.app.cli.analysis.CompareCommand;
import org.osteobiome.app.cli.microbiome.DiversityCommand;
import org.osteobiome.app.cli.microbiome.OrdinateCommand;
import org.osteobiome.app.cli.microbiome.StatsCommand;
import org.osteobiome.app.cli.microbiome.TableCommand;
import picocli.CommandLine.Command;

/** The top-level {@code osteobiome} command. */
@Command(name = "osteobiome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate the gut–immune–bone axis in postmenopausal osteoporosis and analyse gut microbiome tables.",
        footer = {"", "Research software for forming and testing hypotheses; not a diagnostic device."},
        subcommands = {ModelsCommand.class, ModelCommand.class, SimulateCommand.class, ScenariosCommand.class, CompareCommand.class,
            org.osteobiome.app.cli.analysis.FitCommand.class, org.osteobiome.app.cli.analysis.SensitivityCommand.class,
            org.osteobiome.app.cli.analysis.VpopCommand.class, org.osteobiome.app.cli.sbml.SbmlCommand.class, DemoCommand.class, ServeCommand.class,
            TableCommand.class, DiversityCommand.class, OrdinateCommand.class, StatsCommand.class,
            org.osteobiome.app.cli.microbiome.IndexCommand.class, org.osteobiome.app.cli.microbiome.CohortCommand.class,
            org.osteobiome.app.cli.microbiome.MapCommand.class, org.osteobiome.app.cli.microbiome.ForecastCommand.class,
            org.osteobiome.app.cli.microbiome.PowerCommand.class, org.osteobiome.app.cli.analysis.TrialCommand.class, CompletionCommand.class, ReferenceCommand.class,
            picocli.CommandLine.HelpCommand.class})
public final class OsteobiomeCommand extends ParentCommand {
}
