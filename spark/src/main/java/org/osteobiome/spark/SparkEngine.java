package org.osteobiome.spark;

import org.apache.spark.sql.SparkSession;
import org.osteobiome.app.engine.BetaRequest;
import org.osteobiome.app.engine.ClusterEngine;
import org.osteobiome.app.engine.ClusterOptions;
import org.osteobiome.app.engine.EvaluationRequest;
import org.osteobiome.app.engine.PopulationRequest;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.model.vpop.VirtualPopulation;

/** {@code --engine spark}: osteobiome's jobs on Apache Spark, in local mode or on a cluster. */
public final class SparkEngine implements ClusterEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public VirtualPopulation.Summary population(PopulationRequest request, ClusterOptions options, Progress progress) {
        return inSession(options, "osteobiome vpop", spark -> PopulationJob.run(spark, request, progress));
    }

    @Override
    public BetaOutcome beta(BetaRequest request, ClusterOptions options, Progress progress) {
        return inSession(options, "osteobiome diversity beta", spark -> BetaJob.run(spark, request, progress));
    }

    @Override
    public double[] evaluate(EvaluationRequest request, double[][] points, ClusterOptions options, Progress progress) {
        return inSession(options, "osteobiome sensitivity", spark -> EvaluationJob.run(spark, request, points, progress));
    }

    private static <T> T inSession(ClusterOptions options, String name, java.util.function.Function<SparkSession, T> job) {
        SparkSession spark = null;
        try {
            spark = SparkSessions.open(options, name);
            return job.apply(spark);
        } catch (OsteobiomeException e) {
            throw e;
        } catch (Exception e) { // Spark's Java API throws its checked SparkException undeclared
            throw failed(e);
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    /** A Spark failure as osteobiome reports errors: the first cause that says what went wrong. */
    static OsteobiomeException failed(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause.getCause() instanceof OsteobiomeException o) {
                return o;
            }
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new OsteobiomeException(ErrorCode.IO_FAILURE, "the Spark job failed: " + firstLine(message)
                + (cause != e ? " (cause: " + firstLine(String.valueOf(cause.getMessage())) + ")" : ""), e);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
