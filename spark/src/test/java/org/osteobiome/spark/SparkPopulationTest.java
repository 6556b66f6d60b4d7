package org.osteobiome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.engine.PopulationRequest;
import org.osteobiome.core.Progress;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * The Spark engine in local mode against the local engine: the same subjects (drawn parameters, final values) and
 * exactly the same quantiles at every output time, for any number of tasks.
 */
class SparkPopulationTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("osteobiome test").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final ParameterSet BASE = ModelCatalog.get("gut-bone-axis").defaults().with("scenario", "ovx");
    private static final SimulationSettings SETTINGS = SimulationSettings.DEFAULTS.withGrid(0, 28, 4);
    private static final List<String> OBSERVABLES = List.of("bv_tv_pct", "th17_treg_ratio_bone");
    private static final Variability VARIABILITY = Variability.resource("mouse-variability.tsv");

    private static VirtualPopulation.Result local(int n, long seed) {
        return VirtualPopulation.run(ModelCatalog.get("gut-bone-axis"), BASE, SETTINGS, VARIABILITY, OBSERVABLES, n, seed, 2, Progress.NONE);
    }

    @Test
    void quantilesEqualTheLocalEngineForAnyNumberOfTasks() {
        int n = 61;
        VirtualPopulation.Result local = local(n, 5);
        PopulationRequest request = new PopulationRequest(BASE, SETTINGS, VARIABILITY, OBSERVABLES, n, 5, null);
        for (int tasks : new int[] {1, 4, 7}) {
            VirtualPopulation.Summary spread = PopulationJob.run(spark, request, tasks, Progress.NONE);
            assertThat(spread.observables()).isEqualTo(local.observables());
            assertThat(spread.time()).isEqualTo(local.time());
            assertThat(spread.quantiles()).as("%d tasks", tasks).isDeepEqualTo(local.quantiles());
            assertThat(spread.subjects()).isEqualTo(n);
            assertThat(spread.failed()).isEqualTo(local.failures().size());
        }
    }

    @Test
    void perSubjectOutcomesInParquetAreTheLocalEnginesSubjects(@TempDir Path dir) {
        int n = 23;
        VirtualPopulation.Result local = local(n, 9);
        String out = dir.resolve("subjects.parquet").toString();
        PopulationJob.run(spark, new PopulationRequest(BASE, SETTINGS, VARIABILITY, OBSERVABLES, n, 9, out), 3, Progress.NONE);
        List<Row> rows = spark.read().parquet(out).collectAsList().stream().sorted(Comparator.comparingLong(r -> r.getLong(0))).toList();
        assertThat(rows).hasSize(n);
        int p = VARIABILITY.variations().size();
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            assertThat(row.getLong(0)).isEqualTo(i + 1);
            for (int j = 0; j < p; j++) {
                assertThat(row.getDouble(1 + j)).isEqualTo(local.parameters()[i][j]);
            }
            for (int c = 0; c < OBSERVABLES.size(); c++) {
                assertThat(row.getDouble(1 + p + c)).isEqualTo(local.finals()[i][c]);
            }
            assertThat(row.isNullAt(1 + p + OBSERVABLES.size())).isTrue();
        }
        assertThat(spark.read().parquet(out).columns()).startsWith("subject", VARIABILITY.variations().get(0).parameter());
    }

    @Test
    void rangesCoverEverySubjectOnce() {
        for (long n : new long[] {1, 7, 1999, 2000, 2001, 1_000_000, 1_000_000_000}) {
            int tasks = PopulationJob.tasks(n, 2);
            assertThat(tasks).isBetween(1, (int) Math.min(n, Integer.MAX_VALUE));
            assertThat(TaskRanges.start(n, tasks, 0)).isZero();
            assertThat(TaskRanges.start(n, tasks, tasks)).isEqualTo(n);
            for (int r = 0; r < Math.min(tasks, 50); r++) {
                long size = TaskRanges.start(n, tasks, r + 1) - TaskRanges.start(n, tasks, r);
                assertThat(size).isBetween(1L, (long) PopulationJob.SUBJECTS_PER_TASK);
            }
        }
    }

    @Test
    void aBadRequestFailsBeforeAnyTaskWithTheModelsMessage() {
        ParameterSet base = ModelCatalog.get("gut-bone-axis").defaults();
        PopulationRequest request = new PopulationRequest(base, SETTINGS, VARIABILITY, List.of("no_such_observable"), 10, 1, null);
        assertThatThrownBy(() -> PopulationJob.run(spark, request, 2, Progress.NONE)).hasMessageContaining("no_such_observable");
    }
}
