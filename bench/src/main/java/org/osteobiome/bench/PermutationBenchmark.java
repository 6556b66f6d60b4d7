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
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.stats.DistanceModel;
import org.osteobiome.microbiome.stats.Grouping;
import org.osteobiome.microbiome.stats.PermutationTests;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;

/**
 * The permutation tests with 999 permutations on a seeded synthetic Bray–Curtis matrix (2,000 features, Dirichlet
 * concentration 0.05), three groups in turn; the distance model has the group (2 columns) and a covariate.
 * {@code bench/run.sh PermutationBenchmark -p samples=5000 -p threads=1,2}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@State(Scope.Benchmark)
public class PermutationBenchmark {

    @Param({"1000"})
    public int samples;

    @Param({"2"})
    public int threads;

    private DistanceMatrix distances;
    private Grouping grouping;
    private double[][] design;

    @Setup
    public void setUp() {
        distances = BetaDiversity.compute(SyntheticCommunities.table(samples, 2000, 0.05, 1), "synthetic", BetaMetric.BRAY_CURTIS,
                null, BetaDiversity.Options.defaults().withThreads(2));
        String[] labels = new String[samples];
        design = new double[samples][3];
        for (int i = 0; i < samples; i++) {
            labels[i] = "g" + (i % 3);
            design[i][0] = i % 3 == 1 ? 1 : 0;
            design[i][1] = i % 3 == 2 ? 1 : 0;
            design[i][2] = Math.sin(i); // a covariate unrelated to the groups
        }
        grouping = Grouping.of(labels, "groups");
    }

    @Benchmark
    public Object permanova() {
        return PermutationTests.permanova(distances, grouping, 999, 1, threads);
    }

    @Benchmark
    public Object anosim() {
        return PermutationTests.anosim(distances, grouping, 999, 1, threads);
    }

    @Benchmark
    public Object permdisp() {
        return PermutationTests.permdisp(distances, grouping, true, 999, 1, threads);
    }

    @Benchmark
    public Object distanceModel() {
        return DistanceModel.test(distances, design, List.of(new DistanceModel.Term("group", new int[] {0, 1}),
                new DistanceModel.Term("covariate", new int[] {2})), DistanceModel.By.TERMS, 999, 1, threads);
    }
}
