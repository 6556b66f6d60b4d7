package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osteobiome.app.cli.OsteobiomeCommand;
import picocli.CommandLine;
import org.osteobiome.model.ModelCatalog;

class CommandsTest {

    @Test
    void modelsListsEveryIdWithOneLine() {
        CliRun run = CliRun.of("models");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(ModelCatalog.ids().size());
        for (String id : ModelCatalog.ids()) {
            assertThat(run.out()).contains(id);
        }
    }

    @Test
    void modelShowPrintsTheParameterTable() {
        CliRun run = CliRun.of("model", "show", "islam2021-butyrate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("doi:10.1021/acs.iecr.1c02949").contains("BSD-3-Clause")
                .containsPattern("dose_uM +0\\.18 +µM +\\[-1, 1\\]").contains("treg_bone_pct").contains("not a diagnostic device");
        // Meanings and sources are wrapped under their parameter: no line runs off a reader's screen.
        assertThat(run.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        CliRun tsv = CliRun.of("model", "show", "lemaire2004", "--format", "tsv");
        assertThat(tsv.lines()[0]).isEqualTo("parameter\tdefault\tunit\tallowed\tmeaning\tsource");
        assertThat(tsv.out()).contains("D_A\t0.7\t1/day\t");
    }

    /** Every command and subcommand, as the words that reach it ("" for the top level). */
    static Stream<String> everyCommand() {
        List<String> names = new ArrayList<>();
        collect(OsteobiomeCommand.commandLine(), "", names);
        return names.stream();
    }

    private static void collect(CommandLine cli, String prefix, List<String> names) {
        names.add(prefix);
        cli.getSubcommands().forEach((name, sub) -> {
            // skip aliases, and picocli's own `help COMMAND` (no --version of its own; tested in CliErrorsTest)
            if (sub.getCommandName().equals(name) && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                collect(sub, (prefix + " " + name).strip(), names);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpRendersWithoutPicocliWarnings(String command) {
        // picocli reports a bad format string (e.g. an unescaped '%') on System.err, not on the command's streams.
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CliRun h = CliRun.of(append(command.isEmpty() ? new String[0] : command.split(" "), "--help"));
            assertThat(h.exitCode()).isZero();
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as(command + " --help").doesNotContain("picocli WARN");
    }

    @Test
    void everyOptionAndParameterSaysWhatItIs() {
        List<String> missing = new ArrayList<>();
        everyCommand().forEach(command -> {
            CommandLine cli = OsteobiomeCommand.commandLine();
            for (String word : command.isEmpty() ? new String[0] : command.split(" ")) {
                cli = cli.getSubcommands().get(word);
            }
            cli.getCommandSpec().options().stream().filter(o -> o.description().length == 0 || o.description()[0].isBlank())
                    .forEach(o -> missing.add(command + " " + o.longestName()));
            cli.getCommandSpec().positionalParameters().stream().filter(p -> p.description().length == 0 || p.description()[0].isBlank())
                    .forEach(p -> missing.add(command + " " + p.paramLabel()));
        });
        assertThat(missing).as("options and parameters without a description").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpAndVersionEverywhere(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] help = append(words, "--help");
        String[] version = append(words, "--version");
        CliRun h = CliRun.of(help);
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("Usage:");
        CliRun v = CliRun.of(version);
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("osteobiome ").contains("not a diagnostic device");
    }

    @Test
    void demoWritesTablesPlotsAndAPage(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("demo", "--out", dir.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("not a diagnostic device").contains("islam2021-cases.png").contains("nelson2026-menopause.png")
                .contains("gut-bone-mouse.png").contains("gut-bone-human.png");
        // The mouse summary is read at day 28: ovx-la lies between ovx and sham (the seed article's partial protection).
        List<String> mouse = Files.readAllLines(dir.resolve("gut-bone-mouse.tsv"));
        assertThat(bvTvAtDay28(mouse, "ovx-la")).isGreaterThan(bvTvAtDay28(mouse, "ovx")).isLessThan(bvTvAtDay28(mouse, "sham"));
        for (String file : new String[] {"gut-bone-mouse.png", "gut-bone-human.png", "gut-bone-human.tsv", "islam2021-cases.png", "islam2021-dose.png", "cook2022-wnt10b.png", "nelson2026-menopause.png",
            "komarova2003.png", "lemaire2004.png", "islam2021-cases.tsv", "cook2022-vs-data.tsv", "nelson2026-vs-data.tsv"}) {
            assertThat(dir.resolve(file)).as(file).exists();
            assertThat(Files.size(dir.resolve(file))).as(file).isGreaterThan(100);
        }
        FigureLabelsTest.assertEveryFigureLabelled(dir);
        // Every figure on the page is followed by its table (a link to a TSV) before the next figure.
        String[] figures = html.split("<img src=\"");
        for (int i = 1; i < figures.length; i++) {
            String name = figures[i].substring(0, figures[i].indexOf('"'));
            assertThat(figures[i]).as("the table behind %s", name).containsPattern("<a href=\"[^\"]+\\.tsv\"");
        }
        assertThat(html).containsPattern("<footer>.*osteobiome \\S+ on \\d{4}-\\d\\d-\\d\\dT.* with: osteobiome demo --out ");
        // The mouse table runs as far as its figure: the last output day of the scenarios.
        assertThat(mouse.stream().filter(line -> line.startsWith("ovx-la\t84\t"))).hasSize(1);
    }

    private static double bvTvAtDay28(List<String> table, String scenario) {
        return table.stream().map(line -> line.split("\t")).filter(row -> row[0].equals(scenario) && row[1].equals("28"))
                .mapToDouble(row -> Double.parseDouble(row[2])).findFirst().orElseThrow();
    }

    @Test
    void noSubcommandShowsUsageAndFails() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: osteobiome");
    }

    private static String[] append(String[] words, String last) {
        String[] all = java.util.Arrays.copyOf(words, words.length + 1);
        all[words.length] = last;
        return all;
    }
}
