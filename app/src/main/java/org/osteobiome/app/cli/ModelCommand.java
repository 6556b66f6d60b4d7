package org.osteobiome.app.cli;

import picocli.CommandLine.Command;

/** {@code osteobiome model …}: commands about one model. */
@Command(name = "model", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Describe one model.", subcommands = {ModelShowCommand.class})
public final class ModelCommand extends ParentCommand {
}
