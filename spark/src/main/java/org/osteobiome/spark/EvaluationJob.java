package org.osteobiome.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.osteobiome.app.engine.EvaluationRequest;
import org.osteobiome.core.Progress;
import org.osteobiome.model.sensitivity.Sensitivity;

/**
 * A sensitivity study's model runs on Spark: the points in contiguous chunks, one task each; a task rebuilds the
 * function from the request and evaluates its chunk in order. The results come back in point order, so the indices are
 * the local engine's.
 */
final class EvaluationJob {
    /** Points per task at most (a few seconds of model runs). */
    static final int POINTS_PER_TASK = 500;

    private EvaluationJob() {
    }

    static double[] run(SparkSession spark, EvaluationRequest request, double[][] points, Progress progress) {
        request.output(); // an unknown model fails here, before any task
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = TaskRanges.count(points.length, jsc.defaultParallelism(), POINTS_PER_TASK);
        List<double[][]> chunks = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            chunks.add(Arrays.copyOfRange(points, (int) TaskRanges.start(points.length, tasks, t),
                    (int) TaskRanges.start(points.length, tasks, t + 1)));
        }
        TaskProgress taskProgress = new TaskProgress(progress);
        spark.sparkContext().addSparkListener(taskProgress);
        try {
            taskProgress.phase(points.length + " model runs in " + tasks + " tasks", true);
            List<double[]> results = jsc.parallelize(chunks, tasks).map(chunk -> {
                Sensitivity.Output f = request.output();
                double[] y = new double[chunk.length];
                for (int p = 0; p < chunk.length; p++) {
                    y[p] = f.applyAsDouble(chunk[p]);
                }
                return y;
            }).collect();
            double[] y = new double[points.length];
            int at = 0;
            for (double[] part : results) {
                System.arraycopy(part, 0, y, at, part.length);
                at += part.length;
            }
            return y;
        } finally {
            spark.sparkContext().removeSparkListener(taskProgress);
        }
    }
}
