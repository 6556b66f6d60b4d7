package org.osteobiome.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.osteobiome.app.engine.PopulationRequest;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * A virtual population on Spark. The subjects are cut into contiguous ranges, one task each; a task rebuilds the cohort
 * from the request and simulates subject i with the generator seeded by (seed, i), so every subject is the one the
 * local engine simulates, whatever the partitioning. The per-cell quantiles are exact ({@link ExactQuantiles}); the
 * per-subject outcomes are written as Parquet when asked for.
 */
final class PopulationJob {
    /** Subjects per task at most: a few seconds of work each, so progress moves and a lost task costs little. */
    static final int SUBJECTS_PER_TASK = 500;
    /** Failure messages kept for the report; the count is always complete. */
    static final int FAILURES_KEPT = 100;

    private PopulationJob() {
    }

    static VirtualPopulation.Summary run(SparkSession spark, PopulationRequest request, Progress progress) {
        return run(spark, request, tasks(request.n(), spark.sparkContext().defaultParallelism()), progress);
    }

    /** As {@link #run(SparkSession, PopulationRequest, Progress)}, on exactly {@code tasks} ranges of subjects. */
    static VirtualPopulation.Summary run(SparkSession spark, PopulationRequest request, int tasks, Progress progress) {
        VirtualPopulation.Cohort cohort = request.cohort(); // checks the request before any task starts
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TaskProgress taskProgress = new TaskProgress(progress);
        spark.sparkContext().addSparkListener(taskProgress);
        JavaRDD<PopulationBlock> blocks = null;
        try {
            long n = request.n();
            List<Integer> ranges = new ArrayList<>();
            for (int r = 0; r < tasks; r++) {
                ranges.add(r);
            }
            blocks = jsc.parallelize(ranges, tasks).mapPartitions(ids -> simulate(request, tasks, ids))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            taskProgress.phase("simulating " + n + " subjects in " + tasks + " tasks", true);
            List<Tally> tallies = blocks.map(b -> new Tally(b.ran(), b.failures.length - b.ran(), b.firstFailures(FAILURES_KEPT))).collect();
            long ran = 0;
            long failed = 0;
            List<String> firstFailures = new ArrayList<>();
            for (Tally t : tallies) {
                ran += t.ran();
                failed += t.failed();
                t.firstFailures().stream().limit(FAILURES_KEPT - firstFailures.size()).forEach(firstFailures::add);
            }
            if (ran == 0) {
                throw OsteobiomeException.invalid("every subject failed; first: " + firstFailures.get(0));
            }
            if (request.subjectsOut() != null) {
                taskProgress.phase("writing per-subject outcomes", true);
                writeSubjects(spark, blocks, request.variability(), cohort.observables(), request.subjectsOut());
            }
            taskProgress.phase("exact quantiles", false);
            int times = cohort.time().length;
            int cells = cohort.observables().size() * times;
            JavaRDD<PopulationBlock> search = blocks.coalesce(Math.min(tasks, 2 * jsc.defaultParallelism()));
            double[][] byCell = ExactQuantiles.of(jsc, search, cells, ran, VirtualPopulation.LEVELS, progress);
            double[][][] quantiles = new double[cohort.observables().size()][times][];
            for (int c = 0; c < quantiles.length; c++) {
                for (int t = 0; t < times; t++) {
                    quantiles[c][t] = byCell[c * times + t];
                }
            }
            return new VirtualPopulation.Summary(cohort.observables(), cohort.time(), quantiles, n, failed, firstFailures, cohort.display());
        } finally {
            spark.sparkContext().removeSparkListener(taskProgress);
            if (blocks != null) {
                blocks.unpersist(false);
            }
        }
    }

    /** How many ranges of subjects ({@link TaskRanges}, at most {@link #SUBJECTS_PER_TASK} each). */
    static int tasks(long n, int parallelism) {
        return TaskRanges.count(n, parallelism, SUBJECTS_PER_TASK);
    }

    private static Iterator<PopulationBlock> simulate(PopulationRequest request, int tasks, Iterator<Integer> ids) {
        VirtualPopulation.Cohort cohort = request.cohort();
        List<PopulationBlock> out = new ArrayList<>(1);
        while (ids.hasNext()) {
            int r = ids.next();
            out.add(PopulationBlock.simulate(cohort, TaskRanges.start(request.n(), tasks, r), TaskRanges.start(request.n(), tasks, r + 1)));
        }
        return out.iterator();
    }

    /** A block's counts for the report. */
    record Tally(long ran, long failed, List<String> firstFailures) implements java.io.Serializable {
    }

    private static void writeSubjects(SparkSession spark, JavaRDD<PopulationBlock> blocks, Variability variability, List<String> observables,
                                      String out) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("subject", DataTypes.LongType, false));
        for (Variability.Variation v : variability.variations()) {
            fields.add(DataTypes.createStructField(v.parameter(), DataTypes.DoubleType, false));
        }
        for (String o : observables) {
            fields.add(DataTypes.createStructField(o + "_final", DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("failure", DataTypes.StringType, true));
        StructType schema = DataTypes.createStructType(fields);
        int k = observables.size();
        JavaRDD<Row> rows = blocks.flatMap(b -> LongStream.range(0, b.failures.length).mapToObj(s -> {
            int i = (int) s;
            Object[] cells = new Object[schema.size()];
            cells[0] = b.first + i + 1;
            for (int j = 0; j < b.parameters[i].length; j++) {
                cells[1 + j] = b.parameters[i][j];
            }
            int at = 1 + b.parameters[i].length;
            for (int c = 0; c < k; c++) {
                cells[at + c] = b.finals[i] == null ? null : b.finals[i][c];
            }
            cells[at + k] = b.failures[i];
            return RowFactory.create(cells);
        }).iterator());
        spark.createDataFrame(rows, schema).write().parquet(out);
    }
}
