package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.scenario.ScenarioFiles;

/** scenarios, compare, fit, sensitivity and vpop through the command line. */
class AnalysisCommandsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void scenariosListsEveryBuiltInScenario() {
        CliRun run = CliRun.of("scenarios");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(ScenarioFiles.BUILT_IN.size());
        ScenarioFiles.BUILT_IN.forEach(s -> assertThat(run.out()).contains(s));
    }

    @Test
    void compareShowsTheScenariosSideBySideWithAPlot(@TempDir Path dir) throws IOException {
        Path plot = dir.resolve("compare.png");
        CliRun run = CliRun.of("compare", "--scenario", "ovx", "--scenario", "ovx-la", "--observables", "bv_tv_pct,th17_bone_pct",
                "--step", "7", "--plot", plot.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.lines();
        assertThat(lines[0]).isEqualTo("time\tbv_tv_pct[ovx]\tbv_tv_pct[ovx-la]\tth17_bone_pct[ovx]\tth17_bone_pct[ovx-la]");
        String[] last = lines[lines.length - 1].split("\t");
        assertThat(last[0]).isEqualTo("84");
        assertThat(Double.parseDouble(last[2])).isGreaterThan(Double.parseDouble(last[1])); // L. acidophilus protects bone
        assertThat(Double.parseDouble(last[4])).isLessThan(Double.parseDouble(last[3])); // and lowers marrow Th17
        assertThat(run.err()).contains("not a diagnostic device");
        assertThat(Arrays.copyOf(Files.readAllBytes(plot), 4)).isEqualTo(PNG);
    }

    @Test
    void compareNeedsTwoScenarios() {
        CliRun run = CliRun.of("compare", "--scenario", "ovx", "--observables", "bv_tv_pct");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("at least two --scenario").doesNotContain("Exception");
    }

    /** Data simulated by Lemaire 2004 itself at k_B = 0.25 (its default is 0.189): the fit must find 0.25 inside its interval. */
    @Test
    void fitRecoversAParameterFromTheModelsOwnData(@TempDir Path dir) throws IOException {
        Model lemaire = ModelCatalog.get("lemaire2004");
        double[] times = {25, 30, 40, 50, 60, 80};
        Trajectory truth = lemaire.simulate(ParameterSet.defaults(lemaire).with("load_case", "1").with("k_B", 0.25),
                SimulationSettings.DEFAULTS.withOutputTimes(times));
        StringBuilder table = new StringBuilder("observable\tcondition\ttime_days\tmeasurement\tnoise_sd\tsource\tuse\n");
        for (double t : times) {
            table.append("OBa\tload_case=1\t").append(t).append('\t').append(truth.at(t, "OBa")).append("\t1e-5\tsynthetic\tfit\n");
        }
        Path data = dir.resolve("synthetic.tsv");
        Files.writeString(data, table);
        Path plot = dir.resolve("fit.svg");
        CliRun run = CliRun.of("fit", "lemaire2004", "--data", data.toString(), "--fit", "k_B", "--bounds", "k_B=0.05:1",
                "--multistart", "3", "--seed", "2", "--plot", plot.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String row = Arrays.stream(run.lines()).filter(l -> l.startsWith("k_B ")).findFirst().orElseThrow();
        String[] cells = row.trim().split(" +");
        double estimate = Double.parseDouble(cells[1]);
        double lower = Double.parseDouble(cells[2]);
        double upper = Double.parseDouble(cells[3]);
        assertThat(estimate).isCloseTo(0.25, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(lower).isLessThan(0.25);
        assertThat(upper).isGreaterThan(0.25);
        assertThat(run.out()).contains("profile likelihood").contains("--set k_B=");
        assertThat(Files.readString(plot)).contains("<svg");
        // Without intervals the interval columns say NA, never NaN.
        CliRun quick = CliRun.of("fit", "lemaire2004", "--data", data.toString(), "--fit", "k_B", "--bounds", "k_B=0.05:1",
                "--multistart", "1", "--intervals", "none");
        assertThat(quick.exitCode()).as(quick.err()).isZero();
        String quickRow = Arrays.stream(quick.lines()).filter(l -> l.startsWith("k_B ")).findFirst().orElseThrow();
        assertThat(quickRow.trim().split(" +")).contains("NA").doesNotContain("NaN");
        // With SDs so large that the data bound nothing, the profile reaches both search bounds: marked, not estimated.
        Path vague = dir.resolve("vague.tsv");
        Files.writeString(vague, table.toString().replace("\t1e-5\t", "\t1e3\t"));
        CliRun wide = CliRun.of("fit", "lemaire2004", "--data", vague.toString(), "--fit", "k_B", "--bounds", "k_B=0.05:1",
                "--multistart", "1");
        assertThat(wide.exitCode()).as(wide.err()).isZero();
        String wideRow = Arrays.stream(wide.lines()).filter(l -> l.startsWith("k_B ")).findFirst().orElseThrow();
        assertThat(wideRow).contains("≤ 0.05").contains("≥ 1");
        assertThat(wide.out()).contains("reached a search bound: the data do not bound k_B");
    }

    @Test
    void fitExplainsBadRequests(@TempDir Path dir) {
        CliRun missing = CliRun.of("fit", "lemaire2004", "--data", dir.resolve("none.tsv").toString(), "--fit", "k_B");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("no such file").contains("nelson2026-bmd.tsv");
        CliRun bounds = CliRun.of("fit", "nelson2026-menopause", "--data", "nelson2026-bmd.tsv", "--fit", "e_PC", "--bounds", "e_PC=2:1");
        assertThat(bounds.exitCode()).isNotZero();
        assertThat(bounds.err()).contains("LOW < HIGH");
        CliRun unknown = CliRun.of("fit", "nelson2026-menopause", "--data", "nelson2026-bmd.tsv", "--fit", "nope");
        assertThat(unknown.err()).contains("has no parameter nope").doesNotContain("Exception");
    }

    @Test
    void sensitivityRanksParametersAndDrawsBars(@TempDir Path dir) throws IOException {
        Path plot = dir.resolve("s.png");
        CliRun local = CliRun.of("sensitivity", "lemaire2004", "--set", "load_case=1", "--output", "OBa", "--at", "60",
                "--parameters", "k_B,d_B,D_A", "--method", "local", "--plot", plot.toString());
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).contains("normalised").contains("k_B").contains("d_B");
        assertThat(Arrays.copyOf(Files.readAllBytes(plot), 4)).isEqualTo(PNG);
        String[] args = {"sensitivity", "lemaire2004", "--set", "load_case=1", "--output", "OBa", "--at", "60",
            "--parameters", "k_B,d_B,D_A", "--method", "sobol", "--samples", "64", "--bootstrap", "50", "--seed", "5"};
        CliRun sobol = CliRun.of(args);
        assertThat(sobol.exitCode()).as(sobol.err()).isZero();
        assertThat(sobol.out()).contains("S1").contains("ST");
        assertThat(CliRun.of(args).out()).isEqualTo(sobol.out()); // same seed, same indices
    }

    @Test
    void sensitivityVariesOnlyParametersThatActInTheScenariosPreset() {
        CliRun mouse = CliRun.of("sensitivity", "gut-bone-axis", "--scenario", "ovx", "--output", "bv_tv_pct", "--at", "28",
                "--method", "local");
        assertThat(mouse.exitCode()).as(mouse.err()).isZero();
        assertThat(mouse.out()).contains("c_OC ").doesNotContain("c_OC_h").doesNotContain("e_PC_coupled");
        CliRun human = CliRun.of("sensitivity", "gut-bone-axis", "--scenario", "menopause-natural", "--output", "bmd_pct", "--at",
                "365", "--method", "local");
        assertThat(human.exitCode()).as(human.err()).isZero();
        assertThat(human.out()).contains("c_OC_h").contains("e_PC_coupled").doesNotContain("c_Treg ");
        CliRun named = CliRun.of("sensitivity", "gut-bone-axis", "--scenario", "ovx", "--output", "bv_tv_pct", "--at", "28",
                "--parameters", "c_OC,c_OC_h");
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).contains("c_OC_h has no effect in this scenario");
    }

    @Test
    void vpopIsSeededIndependentOfThreadsAndWritesSubjects(@TempDir Path dir) throws IOException {
        Path variability = dir.resolve("var.tsv");
        Files.writeString(variability, "parameter\tdistribution\ta\tb\nk_B\tlognormal\tnominal\t0.2\nd_B\tuniform\t0.6\t0.8\n");
        Path subjects = dir.resolve("subjects.tsv");
        Path plot = dir.resolve("band.png");
        CliRun one = CliRun.of("vpop", "lemaire2004", "--set", "load_case=1", "--n", "40", "--variability", variability.toString(),
                "--observables", "OBa,OCa", "--seed", "9", "--threads", "1", "--subjects", subjects.toString(), "--plot", plot.toString());
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.lines()[0]).isEqualTo("time\tOBa_q05\tOBa_q25\tOBa_median\tOBa_q75\tOBa_q95\tOCa_q05\tOCa_q25\tOCa_median\tOCa_q75\tOCa_q95");
        CliRun two = CliRun.of("vpop", "lemaire2004", "--set", "load_case=1", "--n", "40", "--variability", variability.toString(),
                "--observables", "OBa,OCa", "--seed", "9", "--threads", "2");
        assertThat(two.out()).isEqualTo(one.out());
        List<String> rows = Files.readAllLines(subjects);
        assertThat(rows).hasSize(41);
        assertThat(rows.get(0)).isEqualTo("subject\tk_B\td_B\tOBa_final\tOCa_final");
        for (String row : rows.subList(1, rows.size())) {
            double dB = Double.parseDouble(row.split("\t")[2]);
            assertThat(dB).isBetween(0.6, 0.8);
        }
        for (String line : Arrays.copyOfRange(one.lines(), 1, one.lines().length)) {
            double[] q = Arrays.stream(line.split("\t")).skip(1).limit(5).mapToDouble(Double::parseDouble).toArray();
            for (int i = 1; i < q.length; i++) {
                assertThat(q[i]).isGreaterThanOrEqualTo(q[i - 1]); // quantiles are ordered
            }
        }
        assertThat(Arrays.copyOf(Files.readAllBytes(plot), 4)).isEqualTo(PNG);
        CliRun different = CliRun.of("vpop", "lemaire2004", "--set", "load_case=1", "--n", "40", "--variability", variability.toString(),
                "--observables", "OBa,OCa", "--seed", "10");
        assertThat(different.out()).isNotEqualTo(one.out());
    }

    @Test
    void vpopTakesTheSolverAndItsTolerances() {
        String[] common = {"vpop", "gut-bone-axis", "--scenario", "menopause-natural", "--n", "4", "--variability", "human-variability.tsv",
            "--observables", "bmd_pct", "--step", "1825", "--t-end", "3650", "--seed", "3"};
        CliRun tight = CliRun.of(common);
        CliRun loose = CliRun.of(append(common, "--rtol", "1e-6", "--atol", "1e-8"));
        assertThat(tight.exitCode()).as(tight.err()).isZero();
        assertThat(loose.exitCode()).as(loose.err()).isZero();
        assertThat(loose.out()).isNotEqualTo(tight.out()); // the option reaches the solver
        String[] a = tight.lines()[tight.lines().length - 1].split("\t");
        String[] b = loose.lines()[loose.lines().length - 1].split("\t");
        for (int i = 1; i < a.length; i++) {
            // rtol 1e-6 keeps 10-year BMD quantiles within 1e-4 percentage points of rtol 1e-8 (docs/benchmarks.md measures 5e-7)
            assertThat(Double.parseDouble(b[i])).isCloseTo(Double.parseDouble(a[i]), org.assertj.core.data.Offset.offset(1e-4));
        }
        CliRun bad = CliRun.of(append(common, "--solver", "euler"));
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("euler").doesNotContain("Exception");
    }

    private static String[] append(String[] words, String... more) {
        String[] all = Arrays.copyOf(words, words.length + more.length);
        System.arraycopy(more, 0, all, words.length, more.length);
        return all;
    }

    @Test
    void vpopRefusesABadVariabilityFile(@TempDir Path dir) throws IOException {
        Path variability = dir.resolve("var.tsv");
        Files.writeString(variability, "parameter\tdistribution\ta\tb\nk_B\tgamma\t1\t2\n");
        CliRun run = CliRun.of("vpop", "lemaire2004", "--n", "5", "--variability", variability.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("var.tsv, line 2").contains("lognormal, normal or uniform").doesNotContain("Exception");
    }
}
