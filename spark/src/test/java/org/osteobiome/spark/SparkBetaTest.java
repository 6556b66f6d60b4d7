package org.osteobiome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.app.engine.BetaRequest;
import org.osteobiome.app.engine.ClusterEngine;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.Clr;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * Block-wise beta diversity on Spark (local mode), every metric: the blocks read back are the local engine's matrix bit
 * for bit, and
 * the randomized PCoA from the blocks is the local randomized PCoA with the same seed, up to the order of sums.
 */
class SparkBetaTest {
    private static SparkSession spark;
    private static final FeatureTable TABLE = SyntheticCommunities.table(230, 150, 0.3, 5);
    private static final PhyloTree TREE = Newick.parse("random", SyntheticCommunities.newickTree(150, 5));

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("osteobiome test").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static BetaRequest request(BetaMetric metric, boolean relative, Path out, int axes) {
        return new BetaRequest(TABLE, "synthetic", metric.needsTree() ? TREE : null, metric, relative, Clr.ZeroHandling.pseudocount(1), out.toString(), 64, axes, 3);
    }

    @Test
    void blocksReadBackAreTheLocalMatrix(@TempDir Path dir) {
        int run = 0;
        for (BetaMetric metric : BetaMetric.values()) {
            for (boolean relative : metric == BetaMetric.BRAY_CURTIS ? new boolean[] {false, true} : new boolean[] {false}) {
                Path out = dir.resolve("run" + run++);
                BetaRequest request = request(metric, relative, out, 0);
                ClusterEngine.BetaOutcome outcome = BetaJob.run(spark, request, Progress.NONE);
                assertThat(outcome.blocks()).isEqualTo(4 * 5 / 2); // 230 samples in sides of 64: 4 block rows
                DistanceMatrix local = BetaDiversity.compute(TABLE, "synthetic", metric, request.tree(), request.options().withThreads(2));
                DistanceMatrix spread = BetaJob.read(spark, out.toString());
                assertThat(spread.ids()).isEqualTo(local.ids());
                for (int i = 0; i < local.size(); i++) {
                    for (int j = i + 1; j < local.size(); j++) {
                        assertThat(spread.get(i, j)).as("%s relative=%s d(%d, %d)", metric, relative, i, j).isEqualTo(local.get(i, j));
                    }
                }
            }
        }
    }

    @Test
    void randomizedPcoaFromTheBlocksIsTheLocalOne(@TempDir Path dir) {
        BetaRequest request = request(BetaMetric.BRAY_CURTIS, false, dir.resolve("bc"), 5);
        Ordination spread = BetaJob.run(spark, request, Progress.NONE).ordination();
        DistanceMatrix dm = BetaDiversity.compute(TABLE, "synthetic", BetaMetric.BRAY_CURTIS, null, request.options());
        Ordination local = Pcoa.randomized(dm, 5, 3);
        assertThat(spread.method()).isEqualTo("randomized");
        // Same Gaussian start, same iterations: only the order of the floating-point sums differs (blocks, then centring).
        for (int a = 0; a < 5; a++) {
            assertThat(spread.eigenvalues()[a]).isCloseTo(local.eigenvalues()[a], within(1e-10 * local.eigenvalues()[0]));
            assertThat(spread.proportionExplained()[a]).isCloseTo(local.proportionExplained()[a], within(1e-10));
        }
        for (int i = 0; i < dm.size(); i++) {
            for (int a = 0; a < spread.axes(); a++) {
                assertThat(spread.coordinates()[i][a]).as("sample %d axis %d", i, a).isCloseTo(local.coordinates()[i][a], within(1e-8));
            }
        }
    }
}
