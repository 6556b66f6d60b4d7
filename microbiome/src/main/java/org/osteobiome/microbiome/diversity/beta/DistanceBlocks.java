package org.osteobiome.microbiome.diversity.beta;

import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * Beta diversity one rectangle of the distance matrix at a time, for engines that spread a matrix too large for one
 * machine over many: the block of rows {@code r0 … r1 − 1} and columns {@code c0 … c1 − 1} holds exactly the numbers
 * {@link BetaDiversity#compute} puts there, 0 on the diagonal. Every metric: UniFrac makes its pass over the tree once
 * per {@link #prepare} and then any rectangle of pairs from its branch lists.
 */
public final class DistanceBlocks {
    private final SharedFeatureDistances.RowKernel kernel;

    private DistanceBlocks(SharedFeatureDistances.RowKernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Checks the table (and the tree, for UniFrac) as {@link BetaDiversity#compute} does and prepares the metric; the
     * options' threads and progress are not used.
     */
    public static DistanceBlocks prepare(FeatureTable table, String tableName, BetaMetric metric, PhyloTree tree,
                                         BetaDiversity.Options options) {
        BetaDiversity.check(table, tableName, metric, tree);
        return new DistanceBlocks(switch (metric) {
            case BRAY_CURTIS -> SharedFeatureDistances.brayCurtis(options.relative() ? BetaDiversity.relative(table) : table);
            case JACCARD -> SharedFeatureDistances.jaccard(table);
            case AITCHISON -> SharedFeatureDistances.aitchison(table, Clr.transform(table, options.zeros()));
            default -> UniFrac.blocks(table, tree, metric, tableName);
        });
    }

    /** Samples in the table. */
    public int size() {
        return kernel.size();
    }

    /** The block, row-major: {@code block[(i − r0) × (c1 − c0) + (j − c0)] = d(i, j)}. */
    public double[] block(int r0, int r1, int c0, int c1) {
        int n = size();
        if (r0 < 0 || r1 > n || r0 >= r1 || c0 < 0 || c1 > n || c0 >= c1) {
            throw new IllegalArgumentException("block rows " + r0 + "…" + r1 + ", columns " + c0 + "…" + c1 + " of " + n + " samples");
        }
        int width = c1 - c0;
        double[] out = new double[Math.multiplyExact(r1 - r0, width)];
        double[] shared = new double[width];
        for (int i = r0; i < r1; i++) {
            kernel.row(i, c0, c1, shared, out, (i - r0) * width);
        }
        return out;
    }
}
