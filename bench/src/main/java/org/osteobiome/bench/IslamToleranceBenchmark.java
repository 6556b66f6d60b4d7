package org.osteobiome.bench;

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
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/**
 * Islam 2021, case 2, two 14-day cycles on the default 0.1-day grid, at a chosen tolerance: the Java side of
 * {@code bench/compare/islam2021-cvode.sh}, whose C driver runs CVODE on the same problem the same way.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class IslamToleranceBenchmark {

    @Param({"radau5", "rodas4", "dp853"})
    public String solver;

    @Param({"1e-8"})
    public double rtol;

    /** Absolute tolerance as a fraction of rtol (1e-2: atol 1e-10 at rtol 1e-8). */
    @Param({"1e-2"})
    public double atolRatio;

    private Model model;
    private ParameterSet parameters;
    private SimulationSettings settings;

    @Setup
    public void setUp() {
        model = ModelCatalog.get("islam2021-butyrate");
        parameters = model.defaults().with("case", "2");
        settings = SimulationSettings.DEFAULTS.withSolver(solver).withTolerances(rtol, rtol * atolRatio).withEndTime(28);
    }

    @Benchmark
    public Trajectory twoCycles() {
        return model.simulate(parameters, settings);
    }
}
