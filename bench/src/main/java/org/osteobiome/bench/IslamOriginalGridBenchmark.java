package org.osteobiome.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/**
 * Islam 2021 case 3 for two cycles on the original's 0.001-day output grid (28,001 rows), the same work as one run
 * of {@code bench/compare/islam2021_scipy.py}, for the side-by-side comparison in docs/benchmarks.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class IslamOriginalGridBenchmark {
    private final Model model = ModelCatalog.get("islam2021-butyrate");

    @Benchmark
    public Trajectory case3OnTheOriginalGrid() {
        return model.simulate(model.defaults().with("case", 3), SimulationSettings.DEFAULTS.withStep(0.001));
    }
}
