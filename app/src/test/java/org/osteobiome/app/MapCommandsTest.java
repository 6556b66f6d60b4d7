package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohort and map commands end to end on a simulated cohort around Karlsson 2013, and their refusals. */
class MapCommandsTest {
    private static final String KARLSSON = Path.of("../data/real/karlsson2013/taxatable.txt").toString();
    private static final String KARLSSON_META = Path.of("../data/real/karlsson2013/mapping-orig.txt").toString();

    @TempDir
    static Path dir;
    static Path map;

    @BeforeAll
    static void buildAMap() throws IOException {
        Path effects = dir.resolve("effects.tsv");
        Files.writeString(effects, "taxon\tlog2_fold_change\nFaecalibacterium\t-1.5\nRoseburia\t-1.2\nBacteroides\t1.0\n"
                + "Lactobacillus\t1.2\n");
        CliRun sim = CliRun.of("cohort", "simulate", "--base", KARLSSON, "--rank", "genus", "--n", "160", "--seed", "3",
                "--effects", effects.toString(), "--out", dir.resolve("sim").toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        assertThat(sim.out()).contains("160 simulated women").contains("4 planted shifts");
        map = dir.resolve("cohort.osmap");
        CliRun build = CliRun.of("map", "build", "--table", dir.resolve("sim/table.tsv").toString(), "--metadata",
                dir.resolve("sim/metadata.tsv").toString(), "--group-column", "bone_status", "--healthy", "normal", "--covariates",
                "age,bmi", "--cv-repeats", "2", "--seed", "5", "--label", "SIMULATED cohort", "--no-progress", "--plots", dir.resolve("plots").toString(), "--out", map.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).contains("cv_auroc\t").contains("forest_cv_auroc\t").contains("map_format\t2").contains("input\ttable\ttable.tsv\t");
        CliRun fresh = CliRun.of("cohort", "simulate", "--base", KARLSSON, "--rank", "genus", "--n", "3", "--seed", "4",
                "--effects", effects.toString(), "--out", dir.resolve("new").toString());
        assertThat(fresh.exitCode()).isZero();
    }

    @Test
    void buildDrawsTheCrossValidatedRocAndCalibration() throws IOException {
        for (String name : new String[] {"roc.png", "calibration.png"}) {
            byte[] png = Files.readAllBytes(dir.resolve("plots").resolve(name));
            assertThat(png).hasSizeGreaterThan(5000).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void showRepeatsWhatTheMapHolds() {
        CliRun show = CliRun.of("map", "show", map.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("data\tSIMULATED cohort").contains("seed\t5").contains("taxon\tcoefficient\tstability");
    }

    @Test
    void scoringWritesHtmlJsonAndTsvWithOneEntryPerSample() throws IOException {
        String table = dir.resolve("new/table.tsv").toString();
        Path html = dir.resolve("report.html");
        assertThat(CliRun.of("map", "score", "--map", map.toString(), "--sample", table, "--out", html.toString()).exitCode()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("not a diagnostic device").contains("Sample sim1").contains("Sample sim3").contains("<svg")
                .contains("PCoA 1 (").contains("SIMULATED cohort").contains("What this can and cannot say");
        Path json = dir.resolve("report.json");
        CliRun one = CliRun.of("map", "score", "--map", map.toString(), "--sample", table, "--sample-id", "sim2", "--out", json.toString());
        assertThat(one.exitCode()).as(one.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("samples")).hasSize(1);
        double p = doc.path("samples").get(0).path("probability").asDouble();
        assertThat(p).isBetween(doc.path("samples").get(0).path("lower").asDouble() - 1, 1.0).isGreaterThan(0);
        Path tsv = dir.resolve("report.tsv");
        assertThat(CliRun.of("map", "score", "--map", map.toString(), "--sample", table, "--out", tsv.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(tsv).stream().filter(l -> l.startsWith("sim"))).hasSize(3);
    }

    @Test
    void forecastAddsBoneTrajectoriesWithAndWithoutSupplementToTheReport() throws IOException {
        String table = dir.resolve("new/table.tsv").toString();
        Path html = dir.resolve("forecast.html");
        CliRun f = CliRun.of("forecast", "--map", map.toString(), "--sample", table, "--sample-id", "sim1", "--start-year", "2",
                "--years", "3", "--population", "16", "--supplement", "la:5", "--no-progress", "--out", html.toString());
        assertThat(f.exitCode()).as(f.err()).isZero();
        assertThat(f.out()).contains("forecast\tsim1\tno supplement\tBMD ").contains("L. acidophilus 5×10⁹ CFU/day from year 2");
        assertThat(Files.readString(html)).contains("Forecast: lumbar-spine BMD over 3 years").contains("How her gut set the model")
                .contains("F_set = ").contains("not a diagnostic device").contains("years since menopause")
                .contains("lumbar-spine BMD (% of value at menopause)").contains("BMD gain (percentage points");
        Path json = dir.resolve("forecast.json");
        CliRun j = CliRun.of("map", "score", "--forecast", "--map", map.toString(), "--sample", table, "--sample-id", "sim2",
                "--years", "2", "--population", "8", "--supplement", "none", "--no-progress", "--out", json.toString());
        assertThat(j.exitCode()).as(j.err()).isZero();
        JsonNode forecast = new ObjectMapper().readTree(json.toFile()).path("forecasts").get(0);
        assertThat(forecast.path("arms")).as("--supplement none: one arm").hasSize(1);
        assertThat(forecast.path("inputs").path("fSet").asDouble()).isBetween(0.2, 3.0);
        Path tsv = dir.resolve("forecast.tsv");
        CliRun t = CliRun.of("forecast", "--map", map.toString(), "--sample", table, "--years", "1", "--population", "4",
                "--no-progress", "--out", tsv.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(Files.readAllLines(tsv).get(1)).contains("\tF_set\tL_res\t").contains("supplement_difference_median");
        assertThat(Files.readAllLines(tsv).stream().filter(l -> l.startsWith("sim"))).hasSize(3);

        CliRun badDose = CliRun.of("forecast", "--map", map.toString(), "--sample", table, "--supplement", "la:lots", "--out",
                dir.resolve("never.html").toString());
        assertThat(badDose.exitCode()).isNotZero();
        assertThat(badDose.err()).contains("--supplement la:lots").contains("la:DOSE").doesNotContain("Exception");
        CliRun badYear = CliRun.of("forecast", "--map", map.toString(), "--sample", table, "--start-year", "45", "--out",
                dir.resolve("never.html").toString());
        assertThat(badYear.err()).contains("--start-year 45");
        assertThat(dir.resolve("never.html")).doesNotExist();
    }

    @Test
    void differentialAbundanceOnTheRealCohortPrintsThresholdsAndAVolcano() {
        Path plot = dir.resolve("volcano.png");
        CliRun da = CliRun.of("cohort", "da", "--table", KARLSSON, "--rank", "genus", "--metadata", KARLSSON_META, "--group-column",
                "Classification", "--healthy", "NGT", "--covariates", "Age,BMI", "--plot", plot.toString());
        assertThat(da.exitCode()).as(da.err()).isZero();
        assertThat(da.err()).contains("present in ≥ 25% of samples").contains("compositional bias removed from Classification[T2D]");
        assertThat(da.lines()[0]).isEqualTo("taxon\tterm\tlog2_fold_change\tstd_error\tstatistic\tp_value\tq_value\tstatus");
        assertThat(da.out()).contains("Classification[IGT]").contains("Classification[T2D]").contains("\tAge\t");
        assertThat(plot).exists();
    }

    @Test
    void alphaDiversityByGroupPrintsKruskalWallisAndPairwiseRows() {
        CliRun a = CliRun.of("cohort", "alpha", "--table", KARLSSON, "--rank", "genus", "--metadata", KARLSSON_META,
                "--group-column", "Classification");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.lines()[0]).isEqualTo("metric\tH\tdf\tp_value\tq_value\tIGT (n 48) median [IQR]\tNGT (n 43) median [IQR]"
                + "\tT2D (n 53) median [IQR]");
        // H and p as R's kruskal.test (microbiome/fixtures/cohort_fixtures.R: H = 0.69728832951705044)
        assertThat(a.lines()[1]).startsWith("shannon\t0.697288329");
        assertThat(a.out()).contains("\nmetric\tgroup\tagainst\tW\tp_value\tq_value\n").contains("\nsimpson\tT2D\tNGT\t");
        assertThat(a.err()).contains("alpha diversity of 144 samples by Classification (3 groups)");
    }

    @Test
    void permanovaWithCovariatesAndPermdispAndCorrelationWithAnOutcome() {
        CliRun p = CliRun.of("cohort", "permanova", "--table", KARLSSON, "--rank", "genus", "--metadata", KARLSSON_META,
                "--group-column", "Classification", "--healthy", "NGT", "--covariates", "Age,BMI", "--by", "margin",
                "--permutations", "99", "--seed", "2");
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.lines()[0]).isEqualTo("term\tdf\tsum_of_squares\tr2\tf\tp_value");
        assertThat(p.lines()[1]).startsWith("Age\t1\t");
        assertThat(p.lines()[3]).startsWith("Classification\t2\t0.3150996349");
        assertThat(p.out()).contains("\nResidual\t139\t").contains("\nPERMDISP(Classification)\t2\tNA\tNA\t");
        assertThat(p.err()).contains("PERMANOVA by margin on braycurtis distances of 144 samples; 99 permutations, seed 2");
        CliRun badBy = CliRun.of("cohort", "permanova", "--table", KARLSSON, "--rank", "genus", "--metadata", KARLSSON_META,
                "--group-column", "Classification", "--healthy", "NGT", "--by", "both");
        assertThat(badBy.err()).contains("--by both").contains("terms").contains("margin");

        CliRun c = CliRun.of("cohort", "correlate", "--table", dir.resolve("sim/table.tsv").toString(), "--metadata",
                dir.resolve("sim/metadata.tsv").toString(), "--outcome", "t_score", "--covariates", "age,bmi");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.lines()[0]).isEqualTo("feature\tkind\trho\tp_value\tq_value");
        assertThat(c.lines()[1]).startsWith("shannon\tindex\t");
        assertThat(c.err()).contains("partial Spearman (on age, bmi) with t_score over 160 samples");
        CliRun text = CliRun.of("cohort", "correlate", "--table", dir.resolve("sim/table.tsv").toString(), "--metadata",
                dir.resolve("sim/metadata.tsv").toString(), "--outcome", "bone_status");
        assertThat(text.exitCode()).isNotZero();
        assertThat(text.err()).contains("metadata.tsv").contains("'bone_status' is not numeric");
    }

    @Test
    void powerBySimulationPrintsOneRowPerSizeAndDrawsThePlot() throws IOException {
        Path effects = dir.resolve("effects.tsv");
        Path plot = dir.resolve("power.svg");
        CliRun p = CliRun.of("power", "--base", KARLSSON, "--effects", effects.toString(), "--n", "120,40", "--replicates", "2",
                "--seed", "3", "--plot", plot.toString(), "--no-progress");
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.lines()[0]).isEqualTo("n\treplicates\tda_power\tda_false_discovery_share\tpermanova_power\tmean_auroc\tauroc_power");
        assertThat(p.lines()[1]).startsWith("40\t2\t");
        assertThat(p.lines()[2]).startsWith("120\t2\t");
        assertThat(p.err()).contains("SIMULATED cohorts").contains("4 planted shifts");
        assertThat(Files.readString(plot)).startsWith("<?xml").contains("<svg");
        CliRun bad = CliRun.of("power", "--base", KARLSSON, "--n", "10", "--no-progress");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--n 10");
    }

    @Test
    void aVirtualTrialIsPrintedBesideThePublishedTrials() throws IOException {
        Path plot = dir.resolve("trial.svg");
        CliRun t = CliRun.of("trial", "simulate", "--arms", "placebo,la:10", "--n", "40", "--population", "40", "--seed", "2",
                "--plot", plot.toString(), "--no-progress");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("SIMULATED").contains("\nvirtual trial (SIMULATED, seed 2)\tlumbar spine BMD\t40\t")
                .contains("\nJansson 2019\tlumbar spine aBMD (DXA)\t234\t-0.72\t").contains("\nNilsson 2018\t");
        assertThat(t.err()).contains("virtual trial: 40 women").contains("power at this n");
        assertThat(Files.readString(plot)).contains("<svg");
        CliRun bad = CliRun.of("trial", "simulate", "--arms", "placebo,vitamin-d", "--n", "40");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--arms placebo,vitamin-d").contains("placebo,la:10");
    }

    @Test
    void badInputGetsAReasonNamingTheFileAndTheFix() throws IOException {
        Path oneGroup = dir.resolve("one-group.tsv");
        StringBuilder meta = new StringBuilder("sample_id\tstatus\n");
        for (String line : Files.readAllLines(dir.resolve("sim/metadata.tsv"))) {
            if (line.startsWith("sim")) {
                meta.append(line, 0, line.indexOf('\t')).append("\tnormal\n");
            }
        }
        Files.writeString(oneGroup, meta);
        CliRun single = CliRun.of("cohort", "da", "--table", dir.resolve("sim/table.tsv").toString(), "--metadata", oneGroup.toString(),
                "--group-column", "status", "--healthy", "normal");
        assertThat(single.exitCode()).isNotZero();
        assertThat(single.err()).contains("one-group.tsv").contains("only one group").doesNotContain("Exception");

        CliRun missing = CliRun.of("cohort", "da", "--table", KARLSSON, "--rank", "genus", "--metadata", KARLSSON_META,
                "--group-column", "Classification", "--healthy", "NGT", "--covariates", "Years_in_Sweden");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("mapping-orig.txt").contains("--drop-incomplete").doesNotContain("Exception");

        Path foreign = dir.resolve("foreign.tsv");
        Files.writeString(foreign, "#OTU ID\tx1\nOTU_1\t5\nOTU_2\t7\n");
        CliRun none = CliRun.of("map", "score", "--map", map.toString(), "--sample", foreign.toString(), "--out",
                dir.resolve("x.html").toString());
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("foreign.tsv").contains("no taxon in common");
        assertThat(dir.resolve("x.html")).doesNotExist();

        CliRun notAMap = CliRun.of("map", "show", foreign.toString());
        assertThat(notAMap.err()).contains("not an osteobiome map");
        CliRun badOut = CliRun.of("map", "score", "--map", map.toString(), "--sample", foreign.toString(), "--out", "r.pdf");
        assertThat(badOut.err()).contains(".html, .json or .tsv");
    }

    @Test
    void aMapOfFormatVersionOneCommittedWithTheTestsStillReads() {
        Path committed = Path.of("src/test/resources/maps/format-1.osmap");
        CliRun show = CliRun.of("map", "show", committed.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("map_format\t1").contains("SIMULATED");
        CliRun score = CliRun.of("map", "score", "--map", committed.toString(), "--sample", dir.resolve("new/table.tsv").toString(),
                "--out", dir.resolve("old.tsv").toString());
        assertThat(score.exitCode()).as(score.err()).isZero();
    }
}
