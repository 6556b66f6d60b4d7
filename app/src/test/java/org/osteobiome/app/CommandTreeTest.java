package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osteobiome.app.cli.OsteobiomeCommand;

/** A run builds only the command it runs; whatever lists or explains commands gets them all. */
class CommandTreeTest {
    private static int all() {
        return OsteobiomeCommand.commandLine().getSubcommands().size();
    }

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertThat(OsteobiomeCommand.commandLine(new String[] {"diversity", "beta", "t.biom"}).getSubcommands())
                .containsOnlyKeys("diversity");
        assertThat(OsteobiomeCommand.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
    }

    @Test
    void usageHelpReferenceCompletionAndUnknownNamesGetEveryCommand() {
        assertThat(all()).isGreaterThan(20);
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "simulate"}, {"reference"}, {"completion"}, {"simulat"},
            {"--version", "simulate"}}) {
            assertThat(OsteobiomeCommand.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(all());
        }
    }

    @Test
    void aMistypedCommandIsAnsweredWithTheCommandsThereAre() {
        CliRun run = CliRun.of("simulat");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("simulate");
    }
}
