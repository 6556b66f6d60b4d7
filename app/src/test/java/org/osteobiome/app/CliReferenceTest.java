package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.cli.HelpExamples;
import org.osteobiome.app.cli.OsteobiomeCommand;
import org.osteobiome.app.cli.ReferenceCommand;
import picocli.CommandLine;

/** The shell completion script completes commands, subcommands and options; the HTML reference is current. */
class CliReferenceTest {

    @Test
    void completionScriptNamesEveryCommand() {
        CliRun run = CliRun.of("completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_osteobiome");
        for (String command : OsteobiomeCommand.commandLine().getSubcommands().keySet()) {
            assertThat(run.out()).as(command).contains(" " + command);
        }
    }

    @Test
    void bashCompletesSubcommandsAndOptions(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path script = dir.resolve("osteobiome-completion.bash");
        Files.writeString(script, CliRun.of("completion").out());
        assertThat(complete(script, "osteobiome", "diversity", "be")).isEqualTo("beta");
        assertThat(complete(script, "osteobiome", "simulate", "gut-bone-axis", "--so")).isEqualTo("--solver");
        assertThat(complete(script, "osteobiome", "sim")).isEqualTo("simulate");
    }

    @Test
    void htmlReferenceInDocsIsCurrent() throws IOException {
        Path committed = Path.of("..", "docs", "cli.html");
        CommandLine root = OsteobiomeCommand.commandLine();
        HelpExamples.fold(root);
        String generated = ReferenceCommand.render(root);
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/cli.html is out of date: run ./osteobiome reference --out docs/cli.html")
                .isEqualTo(generated);
        assertThat(generated).contains("<h2 id=\"osteobiome-diversity-beta\">", "<h2 id=\"osteobiome-sbml-simulate\">",
                "Examples:", "not a diagnostic device");
    }

    @Test
    void referenceWritesItsFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cli.html");
        CliRun run = CliRun.of("reference", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("osteobiome simulate");
    }

    /** What bash's completion function offers for the last word of {@code words}. */
    private static String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source '" + script + "'; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_osteobiome 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("/bin/bash", "-c", program).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
