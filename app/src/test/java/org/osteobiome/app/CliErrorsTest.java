package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line on standard error and a non-zero exit code, never a stack trace or a NaN row. */
class CliErrorsTest {

    private static void assertOneLineError(CliRun run, int code, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("osteobiome: error: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(run.err()).contains(f);
        }
    }

    @Test
    void threadCountsBelowOneAreRefusedBeforeAnyWork() {
        for (String[] args : new String[][] {
            {"vpop", "gut-bone-axis", "--scenario", "ovx", "--n", "5", "--variability", "mouse-variability.tsv", "--threads", "0"},
            {"sensitivity", "lemaire2004", "--output", "OBa", "--at", "10", "--parameters", "k_B", "--threads", "-3"},
            {"fit", "lemaire2004", "--data", "missing.tsv", "--fit", "k_B", "--threads", "0"},
            {"stats", "permanova", "missing.tsv", "--metadata", "missing.tsv", "--column", "g", "--threads", "0"},
            {"ordinate", "missing.tsv", "--threads", "0"}}) {
            CliRun run = CliRun.of(args);
            assertOneLineError(run, 2, "--threads must be at least 1");
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("%");
        }
    }

    @Test
    void engineOptionsAreCheckedAndAMissingSparkEngineSaysHowToGetIt() {
        String[] vpop = {"vpop", "gut-bone-axis", "--scenario", "ovx", "--n", "5", "--variability", "mouse-variability.tsv"};
        // the app's own class path has no cluster engine: the message names the two ways to run one
        assertOneLineError(CliRun.of(concat(vpop, "--engine", "spark")), 2, "spark engine is not on the class path", "spark-submit",
                "docs/scaling.md");
        assertOneLineError(CliRun.of(concat(vpop, "--engine", "dask")), 2, "--engine must be local or spark, got 'dask'");
        assertOneLineError(CliRun.of(concat(vpop, "--master", "local[2]")), 2, "--master needs --engine spark");
        assertOneLineError(CliRun.of("vpop", "gut-bone-axis", "--n", "20000000", "--variability", "mouse-variability.tsv"), 2,
                "between 1 and 10000000 (more with --engine spark)");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void helpNamesACommand() {
        CliRun run = CliRun.of("help", "simulate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: osteobiome simulate");
    }

    @Test
    void unknownModelListsValidIds() {
        CliRun run = CliRun.of("simulate", "islam2021");
        assertOneLineError(run, 2, "unknown model 'islam2021'", "islam2021-butyrate", "lemaire2004");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void unknownOrOutOfRangeParameterNamesValidOnesAndRanges() {
        assertOneLineError(CliRun.of("simulate", "cook2022-wnt10b", "--set", "wnt=5"), 2, "unknown parameter 'wnt'", "wnt_fold");
        assertOneLineError(CliRun.of("simulate", "cook2022-wnt10b", "--set", "wnt_fold=-3"), 2, "out of range", "[-1, 10000]");
        assertOneLineError(CliRun.of("simulate", "cook2022-wnt10b", "--set", "wnt_fold"), 2, "needs a value");
        assertOneLineError(CliRun.of("simulate", "nelson2026-menopause", "--set", "variant=early"), 2, "natural|surgical");
    }

    @Test
    void missingOrMalformedFilesAreNamedInOneLine(@TempDir Path dir) throws Exception {
        CliRun missingSbml = CliRun.of("sbml", "simulate", dir.resolve("absent.xml").toString());
        assertOneLineError(missingSbml, 4, "absent.xml", "no such file");
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<sbml><model\n");
        CliRun malformed = CliRun.of("sbml", "simulate", broken.toString());
        assertOneLineError(malformed, 2, "broken.xml", "not readable SBML");
        assertThat(malformed.err().strip().lines()).hasSize(1);
        CliRun missingScenario = CliRun.of("simulate", "gut-bone-axis", "--scenario", dir.resolve("mine.json").toString());
        assertOneLineError(missingScenario, 4, "mine.json", "does not exist", "menopause-natural");
        assertOneLineError(CliRun.of("diversity", "alpha", dir.toString()), 4, "is a folder");
    }

    @Test
    void unknownObservableListsValidOnes() {
        assertOneLineError(CliRun.of("simulate", "komarova2003", "--observables", "bone"), 2, "unknown observable 'bone'",
                "bone_mass_pct");
    }

    @Test
    void inconsistentTimesAreRejected() {
        assertOneLineError(CliRun.of("simulate", "komarova2003", "--t-start", "10", "--t-end", "5"), 2, "must be after the start time");
        assertOneLineError(CliRun.of("simulate", "komarova2003", "--step", "0"), 2, "output step must be a positive");
        assertOneLineError(CliRun.of("simulate", "komarova2003", "--t-start", "-1"), 2, "start time must be ≥ 0");
    }

    @Test
    void modelLeavingItsDomainStopsWithCauseAndTime(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("result.tsv");
        Files.writeString(out, "previous content\n");
        CliRun run = CliRun.of("simulate", "islam2021-butyrate", "--set", "dose_uM=0.35", "--t-end", "140", "--out", out.toString());
        assertOneLineError(run, 3, "pole", "at t = 32.78");
        // Nothing already stored is lost or half-written.
        assertThat(Files.readString(out)).isEqualTo("previous content\n");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void sbmlModelWithAnInfiniteDerivativeStopsAtOnceNamingFileAndSpecies(@TempDir Path dir) throws Exception {
        // dx/dt = 1/(x − 1) with x(0) = 1: the rate is infinite at the start.
        Path pole = Files.writeString(dir.resolve("pole.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="pole">
                    <listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters>
                    <listOfRules>
                      <rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><divide/><cn>1</cn><apply><minus/><ci>x</ci><cn>1</cn></apply></apply>
                      </math></rateRule>
                    </listOfRules>
                  </model>
                </sbml>
                """);
        for (String solver : new String[] {"rodas4", "radau5", "dp853"}) {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRun.of("sbml", "simulate", pole.toString(), "--solver", solver));
            assertOneLineError(run, 3, "pole.xml", "model 'pole' could not be solved:", "derivative of 'x' is Infinity", "(at t = 0)");
        }
        // The time is given in the file's time unit, never in the built-in models' days.
        Path seconds = Files.writeString(dir.resolve("pole-seconds.xml"), Files.readString(pole)
                .replace("<model id=\"pole\">", "<model id=\"pole\" timeUnits=\"second\">"));
        CliRun run = CliRun.of("sbml", "simulate", seconds.toString());
        assertOneLineError(run, 3, "pole-seconds.xml", "derivative of 'x' is Infinity", "(at t = 0 second)");
    }

    @Test
    void tableSizesThatCannotFitAreRefusedBeforeAllocating(@TempDir Path dir) {
        Path out = dir.resolve("huge.biom");
        CliRun huge = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.of("table", "generate", "--samples", "2000000000", "--features", "2000000000", "--seed", "1",
                        "--out", out.toString()));
        assertOneLineError(huge, 2, "2000000000 samples × 2000000000 features needs about", "generate fewer samples", "-Xmx");
        assertThat(out).doesNotExist();
    }

    @Test
    void populationAndMatrixSizesThatCannotFitAreRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        CliRun vpop = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("vpop", "gut-bone-axis", "--scenario",
                "ovx", "--variability", "mouse-variability.tsv", "--n", "10000000"));
        assertOneLineError(vpop, 2, "a population of 10000000 subjects", "needs about", "simulate fewer subjects");
        // An lsmat header of 200,000 ids declares a 200,000 × 200,000 matrix (320 GB as doubles), refused before its rows.
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            header.append("\ts").append(i);
        }
        Path lsmat = Files.writeString(dir.resolve("wide.lsmat"), header + "\n");
        Path out = dir.resolve("pcoa.tsv");
        CliRun ordinate = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("ordinate", lsmat.toString(),
                "--out", out.toString()));
        assertOneLineError(ordinate, 2, "wide.lsmat: a matrix of 200000 ids needs about 320.0 GB");
        assertThat(out).doesNotExist();
    }

    @Test
    void errorsInsideScenarioAndVariabilityFilesNameTheFile(@TempDir Path dir) throws Exception {
        String scenario = """
                {"name": "mine", "species": "mouse", "start_day": 0, "end_day": 10, "step_days": 1,
                 "estrogen": {"curve": "ovx"},
                 "doses": [{"agent": "l_acidophilus", "start_day": 0, "interval_days": 1, "amount": AMOUNT}],
                 "parameters": {PARAMETERS}}
                """;
        Path unknown = Files.writeString(dir.resolve("unknown.json"), scenario.replace("AMOUNT", "1").replace("PARAMETERS", "\"nosuch\": 3"));
        assertOneLineError(CliRun.of("simulate", "gut-bone-axis", "--scenario", unknown.toString()), 2, "unknown.json",
                "\"parameters\": unknown parameter 'nosuch'");
        Path range = Files.writeString(dir.resolve("range.json"), scenario.replace("AMOUNT", "1").replace("PARAMETERS", "\"k_L\": -5"));
        assertOneLineError(CliRun.of("simulate", "gut-bone-axis", "--scenario", range.toString()), 2, "range.json",
                "k_L of gut-bone-axis = -5 is out of range");
        Path dose = Files.writeString(dir.resolve("dose.json"), scenario.replace("AMOUNT", "1e308").replace("PARAMETERS", ""));
        assertOneLineError(CliRun.of("simulate", "gut-bone-axis", "--scenario", dose.toString()), 2, "dose.json doses[0]",
                "amount 1e+308 is out of range");
        Path variability = Files.writeString(dir.resolve("var.tsv"), "parameter\tdistribution\ta\tb\nnosuch\tnormal\t1\t0.1\n");
        CliRun vpop = CliRun.of("vpop", "gut-bone-axis", "--scenario", "ovx", "--n", "5", "--variability", variability.toString());
        assertOneLineError(vpop, 2, "var.tsv: 'nosuch' is not a parameter of gut-bone-axis");
        Path outside = Files.writeString(dir.resolve("outside.tsv"), "parameter\tdistribution\ta\tb\nk_L\tuniform\t-9\t-5\n");
        assertOneLineError(CliRun.of("vpop", "gut-bone-axis", "--scenario", "ovx", "--n", "5", "--variability", outside.toString()),
                2, "outside.tsv: k_L is centred or spread outside its allowed range");
        Path twice = Files.writeString(dir.resolve("twice.tsv"), "parameter\tdistribution\ta\tb\nk_L\tnormal\tnominal\t0.1\n"
                + "k_L\tnormal\tnominal\t0.2\n");
        assertOneLineError(CliRun.of("vpop", "gut-bone-axis", "--scenario", "ovx", "--n", "5", "--variability", twice.toString()),
                2, "twice.tsv, line 3: k_L is varied twice");
        Path data = Files.writeString(dir.resolve("data.tsv"), "observable\tcondition\ttime_days\tmeasurement\tnoise_sd\tsource\tuse\n"
                + "bogus\t\t10\t1\t0.1\ts\tfit\n");
        assertOneLineError(CliRun.of("fit", "lemaire2004", "--data", data.toString(), "--fit", "k_B"), 2,
                "data.tsv: observable 'bogus' is not one of lemaire2004's", "OBa");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun format = CliRun.of("simulate", "komarova2003", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("simulate --help");
        assertOneLineError(CliRun.of("simulate", "komarova2003", "--plot", "x.pdf"), 2, "must end in .png or .svg");
        assertThat(CliRun.of("simulate", "komarova2003", "--t-end", "abc").exitCode()).isEqualTo(2);
        assertOneLineError(CliRun.of("simulate", "komarova2003", "--solver", "euler"), 2, "unknown solver 'euler'", "dp853, rodas4");
    }
}
