package org.osteobiome.app.engine;

import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * Runs a command's work on a cluster instead of local threads ({@code --engine NAME}). Implementations live in their own
 * module (osteobiome-spark) and are found on the class path by {@link ClusterEngines}, so the command line does not
 * depend on any cluster framework.
 */
public interface ClusterEngine {
    /** The name {@code --engine} takes. */
    String name();

    /**
     * A virtual population, subject for subject the same as the local engine's for the same seed, with exactly the same
     * quantiles; per-subject outcomes go to {@link PopulationRequest#subjectsOut()} when it is set.
     */
    VirtualPopulation.Summary population(PopulationRequest request, ClusterOptions options, Progress progress);

    /**
     * Beta diversity written block by block, every block holding exactly the local engine's numbers, and when asked a
     * randomized PCoA computed from the blocks without gathering them.
     */
    BetaOutcome beta(BetaRequest request, ClusterOptions options, Progress progress);

    /**
     * The model runs of a Morris or Sobol study, spread over the cluster: {@code y[p] = request.output()(points[p])}, the
     * numbers the local threads give.
     */
    double[] evaluate(EvaluationRequest request, double[][] points, ClusterOptions options, Progress progress);

    /**
     * @param samples    samples in the matrix
     * @param blocks     blocks written
     * @param ordination the PCoA, or null when none was asked for
     */
    record BetaOutcome(int samples, long blocks, Ordination ordination) {
    }
}
