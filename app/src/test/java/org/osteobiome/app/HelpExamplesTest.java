package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.app.cli.HelpExamples;
import org.osteobiome.app.cli.OsteobiomeCommand;
import picocli.CommandLine;

/** Every example in every command's help can be copied whole: nothing wraps in the middle of a command. */
class HelpExamplesTest {

    @Test
    void examplesNeverWrapInsideACommand() {
        CommandLine root = OsteobiomeCommand.commandLine();
        HelpExamples.fold(root);
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        int examples = 0;
        for (CommandLine cli : all) {
            String[] lines = cli.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].startsWith("  osteobiome ")) {
                    continue;
                }
                examples++;
                // An example and its continuation lines: each ends in a backslash until the last, and each fits 80 columns.
                int j = i;
                while (lines[j].endsWith("\\")) {
                    assertThat(lines[j].length()).as(cli.getCommandName() + ": " + lines[j]).isLessThanOrEqualTo(80);
                    j++;
                    assertThat(lines[j]).as(cli.getCommandName() + " continuation").startsWith("      ");
                }
                assertThat(lines[j].length()).as(cli.getCommandName() + ": " + lines[j]).isLessThanOrEqualTo(80);
                if (j + 1 < lines.length && !lines[j + 1].isBlank()) {
                    assertThat(lines[j + 1]).as(cli.getCommandName() + ": a line wrapped out of an example: " + lines[j + 1])
                            .satisfiesAnyOf(l -> assertThat(l).startsWith("  "), l -> assertThat(l).doesNotContain("--"));
                }
            }
        }
        assertThat(examples).as("examples found").isGreaterThan(10);
    }

    @Test
    void foldingBreaksBeforeOptionsWithABackslash() {
        List<String> folded = HelpExamples.foldLine("  osteobiome simulate gut-bone-axis --scenario ovx-la"
                + " --observables bv_tv_pct,th17_bone_pct --plot ovx.png --t-end 84");
        assertThat(folded).hasSizeGreaterThan(1);
        assertThat(String.join(" ", folded).replace(" \\", "").replaceAll(" +", " ").strip())
                .isEqualTo("osteobiome simulate gut-bone-axis --scenario ovx-la --observables bv_tv_pct,th17_bone_pct --plot ovx.png --t-end 84");
        for (int i = 0; i < folded.size() - 1; i++) {
            assertThat(folded.get(i)).endsWith(" \\");
        }
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        cli.getSubcommands().values().forEach(c -> collect(c, out));
    }
}
