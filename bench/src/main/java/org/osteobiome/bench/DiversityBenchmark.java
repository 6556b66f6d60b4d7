package org.osteobiome.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.stats.Grouping;
import org.osteobiome.microbiome.stats.PermutationTests;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * Every alpha and beta metric, PCoA and PERMANOVA on seeded synthetic tables (2,000 features, Dirichlet
 * concentration 0.05, about 12 % density), single-threaded unless a thread count is given.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@State(Scope.Benchmark)
public class DiversityBenchmark {

    @Param({"1000"})
    public int samples;

    @Param({"1"})
    public int threads;

    private FeatureTable table;
    private PhyloTree tree;
    private DistanceMatrix distances;
    private Grouping grouping;

    @Setup
    public void setUp() {
        table = SyntheticCommunities.table(samples, 2000, 0.05, 1);
        tree = Newick.parse("synthetic", SyntheticCommunities.newickTree(2000, 1));
        distances = beta(BetaMetric.BRAY_CURTIS);
        String[] labels = new String[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = "g" + (i % 3);
        }
        grouping = Grouping.of(labels, "groups");
    }

    private DistanceMatrix beta(BetaMetric metric) {
        return BetaDiversity.compute(table, "synthetic", metric, tree, BetaDiversity.Options.defaults().withThreads(threads));
    }

    @Benchmark
    public AlphaDiversity.Result alphaAll() {
        return AlphaDiversity.compute(table, "synthetic", List.of(AlphaMetric.values()), tree, Math.E);
    }

    @Benchmark
    public DistanceMatrix brayCurtis() {
        return beta(BetaMetric.BRAY_CURTIS);
    }

    @Benchmark
    public DistanceMatrix jaccard() {
        return beta(BetaMetric.JACCARD);
    }

    @Benchmark
    public DistanceMatrix aitchison() {
        return beta(BetaMetric.AITCHISON);
    }

    @Benchmark
    public DistanceMatrix unweightedUnifrac() {
        return beta(BetaMetric.UNWEIGHTED_UNIFRAC);
    }

    @Benchmark
    public DistanceMatrix weightedNormalizedUnifrac() {
        return beta(BetaMetric.WEIGHTED_NORMALIZED_UNIFRAC);
    }

    @Benchmark
    public Object pcoa() {
        return samples <= Pcoa.EXACT_LIMIT ? Pcoa.exact(distances) : Pcoa.randomized(distances, 10, 1);
    }

    @Benchmark
    public Object permanova999() {
        return PermutationTests.permanova(distances, grouping, 999, 1, threads);
    }
}
