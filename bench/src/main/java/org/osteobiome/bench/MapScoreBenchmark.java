package org.osteobiome.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.map.MapBuilder;
import org.osteobiome.microbiome.map.MapScorer;
import org.osteobiome.microbiome.map.ReferenceMap;
import org.osteobiome.microbiome.synthetic.SyntheticCohort;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Scoring one sample against a map in a warm process (the web application's case): a map of 1,000 simulated women
 * around a 2,000-feature synthetic base (no forest: scoring does not use it), one new woman scored.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class MapScoreBenchmark {
    private ReferenceMap map;
    private FeatureTable one;

    @Setup
    public void setUp() {
        FeatureTable base = SyntheticCommunities.table(300, 2000, 1, 1);
        SyntheticCohort.Base fitted = SyntheticCohort.Base.fit(base);
        Map<String, Double> effects = Map.of(base.featureIds().get(0), -0.7, base.featureIds().get(1), 0.7);
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(fitted, 1000, effects, 2);
        MapBuilder.Settings settings = new MapBuilder.Settings("bone_status", "normal", List.of("age", "bmi"), false, 0.25,
                new ElasticNetCv.Settings(1, 5, 5, 1, 1), 0);
        map = MapBuilder.build(cohort.table(), "bench", cohort.metadata(), settings,
                new MapBuilder.Provenance("bench", "bench", List.of(), "SIMULATED", null), 2, done -> { });
        one = SyntheticCohort.generate(fitted, 1, effects, 3).table();
    }

    @Benchmark
    public List<MapScorer.Score> scoreOneSample() {
        return MapScorer.score(map, one, "one");
    }
}
