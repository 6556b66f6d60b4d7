package org.osteobiome.microbiome.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceBlocks;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import org.osteobiome.microbiome.tree.PhyloTree;

/** Blocks of any shape, on and off the diagonal, hold exactly the whole matrix's numbers, for every metric. */
class DistanceBlocksTest {
    private static final FeatureTable TABLE = SyntheticCommunities.table(53, 120, 0.3, 8);
    private static final PhyloTree TREE = Newick.parse("random", SyntheticCommunities.newickTree(120, 8));

    @Test
    void blocksEqualTheWholeMatrixBitForBit() {
        int[] cuts = {0, 7, 8, 30, 53};
        for (BetaMetric metric : BetaMetric.values()) {
            for (boolean relative : new boolean[] {false, true}) {
                BetaDiversity.Options options = BetaDiversity.Options.defaults().withThreads(2).withRelative(relative);
                DistanceMatrix whole = BetaDiversity.compute(TABLE, "t", metric, TREE, options);
                DistanceBlocks blocks = DistanceBlocks.prepare(TABLE, "t", metric, TREE, options);
                for (int a = 0; a + 1 < cuts.length; a++) {
                    for (int b = 0; b + 1 < cuts.length; b++) {
                        double[] block = blocks.block(cuts[a], cuts[a + 1], cuts[b], cuts[b + 1]);
                        int width = cuts[b + 1] - cuts[b];
                        for (int i = cuts[a]; i < cuts[a + 1]; i++) {
                            for (int j = cuts[b]; j < cuts[b + 1]; j++) {
                                assertThat(block[(i - cuts[a]) * width + (j - cuts[b])]).as("%s relative=%s d(%d, %d)", metric, relative, i, j)
                                        .isEqualTo(whole.get(i, j));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void uniFracWithoutATreeAndEmptyBlocksAreRefused() {
        assertThatThrownBy(() -> DistanceBlocks.prepare(TABLE, "t", BetaMetric.UNWEIGHTED_UNIFRAC, null, BetaDiversity.Options.defaults()))
                .hasMessageContaining("needs a tree");
        DistanceBlocks blocks = DistanceBlocks.prepare(TABLE, "t", BetaMetric.BRAY_CURTIS, null, BetaDiversity.Options.defaults());
        assertThatThrownBy(() -> blocks.block(5, 5, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blocks.block(0, 3, 50, 54)).isInstanceOf(IllegalArgumentException.class);
    }
}
