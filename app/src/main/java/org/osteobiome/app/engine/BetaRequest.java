package org.osteobiome.app.engine;

import java.io.Serializable;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.Clr;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * Beta diversity block by block on a cluster.
 *
 * @param table     the table, read here and sent to every worker once
 * @param tableName the table's file, for messages
 * @param tree      the tree (UniFrac), or null
 * @param out       the output directory (Parquet datasets {@code blocks} and {@code samples})
 * @param blockSize samples per block side
 * @param axes      principal coordinates to compute from the blocks by the randomized method; 0 for none
 * @param seed      the randomized method's seed
 */
public record BetaRequest(FeatureTable table, String tableName, PhyloTree tree, BetaMetric metric, boolean relative, Clr.ZeroHandling zeros,
                          String out, int blockSize, int axes, long seed) implements Serializable {

    /** The metric's options as a worker runs them: one thread per task. */
    public BetaDiversity.Options options() {
        return BetaDiversity.Options.defaults().withThreads(1).withRelative(relative).withZeros(zeros);
    }
}
