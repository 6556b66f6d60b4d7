package org.osteobiome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(VPOP, VPOP.length + more.length);
        System.arraycopy(more, 0, all, VPOP.length, more.length);
        return all;
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
    void aBadMasterIsOneLineNotAStackTrace() {
        Run run = run(with("--engine", "spark", "--master", "nonsense://x"));
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("osteobiome: error: the Spark job failed: ", "nonsense://x").doesNotContain("\tat ");
    }
}
