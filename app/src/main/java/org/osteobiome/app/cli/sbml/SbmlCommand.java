package org.osteobiome.app.cli.sbml;

import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.VersionProvider;
import picocli.CommandLine.Command;

/** {@code osteobiome sbml …}: SBML export and import. */
@Command(name = "sbml", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Export models as SBML Level 3 Version 2, simulate SBML files on osteobiome's solvers, run the SBML Test Suite.",
        subcommands = {SbmlExportCommand.class, SbmlSimulateCommand.class, SbmlTestSuiteCommand.class})
public final class SbmlCommand extends ParentCommand {
}
