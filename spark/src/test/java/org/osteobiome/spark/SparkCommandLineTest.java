package org.osteobiome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.Main;

/** {@code vpop --engine spark} prints the table {@code --engine local} prints, and refuses to overwrite outputs. */
class SparkCommandLineTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String[] VPOP = {"vpop", "gut-bone-axis", "--scenario", "ovx-la", "--n", "30", "--variability",
        "mouse-variability.tsv", "--observables", "bv_tv_pct,butyrate_gut_uM", "--step", "7", "--seed", "4", "--threads", "2"};

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String[] with(String... more) {
        return concat(VPOP, more);
    }

    @Test
    void sparkPrintsTheLocalEnginesTable(@TempDir Path dir) {
        Run local = run(VPOP);
        Path subjects = dir.resolve("subjects.parquet");
        Run spark = run(with("--engine", "spark", "--master", "local[2]", "--subjects", subjects.toString()));
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(spark.out()).isEqualTo(local.out()).contains("bv_tv_pct_median");
        assertThat(spark.err()).contains("30 subjects in", "0 failed", "per-subject outcomes (Parquet): " + subjects,
                "not a diagnostic device");
        assertThat(Files.isDirectory(subjects)).isTrue();

        Run again = run(with("--engine", "spark", "--subjects", subjects.toString()));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).startsWith("osteobiome: error: ").contains("already exists", "nothing was overwritten");
    }

    @Test
    void diversityBetaWritesBlocksAndAPcoaThatMatchesTheLocalOrdination(@TempDir Path dir) throws Exception {
        String table = dir.resolve("t.biom").toString();
        assertThat(run("table", "generate", "--samples", "150", "--features", "90", "--seed", "2", "--out", table).code()).isZero();
        Path blocks = dir.resolve("bc-blocks");
        Path pcoa = dir.resolve("bc.pcoa.tsv");
        Run spark = run("diversity", "beta", table, "--metric", "braycurtis", "--engine", "spark", "--master", "local[2]", "--out",
                blocks.toString(), "--block-size", "40", "--pcoa", pcoa.toString(), "--axes", "3", "--seed", "5");
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(spark.err()).contains("wrote 10 blocks of the 150-sample matrix", "randomized PCoA from the blocks");
        assertThat(Files.isDirectory(blocks.resolve("blocks"))).isTrue();
        assertThat(Files.isDirectory(blocks.resolve("samples"))).isTrue();

        Path local = dir.resolve("bc.tsv");
        assertThat(run("diversity", "beta", table, "--metric", "braycurtis", "--out", local.toString()).code()).isZero();
        Path localPcoa = dir.resolve("local.pcoa.tsv");
        assertThat(run("ordinate", local.toString(), "--method", "randomized", "--axes", "3", "--seed", "5", "--out", localPcoa.toString())
                .code()).isZero();
        List<String> sparkEigen = Files.readAllLines(dir.resolve("bc.pcoa.eigenvalues.tsv"));
        List<String> localEigen = Files.readAllLines(dir.resolve("local.pcoa.eigenvalues.tsv"));
        assertThat(sparkEigen).hasSameSizeAs(localEigen).hasSize(4);
        for (int a = 1; a < 4; a++) {
            double s = Double.parseDouble(sparkEigen.get(a).split("\t")[1]);
            double l = Double.parseDouble(localEigen.get(a).split("\t")[1]);
            assertThat(s).as(sparkEigen.get(a)).isCloseTo(l, org.assertj.core.api.Assertions.within(1e-9 * Math.abs(l)));
        }

        Run unifrac = run("diversity", "beta", table, "--metric", "unweighted_unifrac", "--engine", "spark", "--out",
                dir.resolve("u").toString());
        assertThat(unifrac.code()).isEqualTo(2);
        assertThat(unifrac.err()).contains("needs a tree").doesNotContain("\tat ");
        Run pcoaLocally = run("diversity", "beta", table, "--metric", "braycurtis", "--out", dir.resolve("x.tsv").toString(), "--pcoa",
                pcoa.toString());
        assertThat(pcoaLocally.err()).contains("--pcoa needs --engine spark");
    }

    @Test
    void sensitivityOnSparkPrintsTheLocalIndices() {
        for (String method : new String[] {"morris", "sobol"}) {
            String[] study = {"sensitivity", "gut-bone-axis", "--scenario", "ovx", "--output", "bv_tv_pct", "--at", "21", "--method", method,
                "--samples", method.equals("morris") ? "6" : "12", "--bootstrap", "20", "--seed", "3"};
            Run local = run(study);
            Run spark = run(concat(study, "--engine", "spark", "--master", "local[2]"));
            assertThat(local.code()).as(local.err()).isZero();
            assertThat(spark.code()).as(spark.err()).isZero();
            assertThat(spark.out()).as(method).isEqualTo(local.out()).isNotBlank();
        }
        Run localMethod = run("sensitivity", "gut-bone-axis", "--scenario", "ovx", "--output", "bv_tv_pct", "--at", "21", "--engine", "spark");
        assertThat(localMethod.code()).isEqualTo(2);
        assertThat(localMethod.err()).contains("runs Morris and Sobol studies");
    }

    @Test
    void aBadMasterIsOneLineNotAStackTrace() {
        Run run = run(with("--engine", "spark", "--master", "nonsense://x"));
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("osteobiome: error: the Spark job failed: ", "nonsense://x").doesNotContain("\tat ");
    }
}
