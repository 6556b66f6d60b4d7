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
 * One subject of {@code gut-bone-axis}: what each of a virtual population's subjects costs. Human scenarios run
 * 20 years with yearly output (the population timing's grid), mouse scenarios their 6 weeks with the default grid;
 * each with the stiff Rodas4 and the explicit DP853, at the model's default tolerances and at rtol 1e-6.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class GutBoneAxisBenchmark {

    @Param({"menopause-natural", "menopause-natural-la", "ovx", "ovx-la"})
    public String scenario;

    @Param({"rodas4", "dp853"})
    public String solver;

    /** Relative tolerance; "default" keeps the model's (1e-8, absolute 1e-10). */
    @Param({"default", "1e-6"})
    public String rtol;

    private Model model;
    private ParameterSet parameters;
    private SimulationSettings settings;

    @Setup
    public void setUp() {
        model = ModelCatalog.get("gut-bone-axis");
        parameters = model.defaults().with("scenario", scenario);
        settings = SimulationSettings.DEFAULTS.withSolver(solver);
        if (!rtol.equals("default")) {
            settings = settings.withTolerances(Double.parseDouble(rtol), 1e-8);
        }
        if (scenario.startsWith("menopause")) {
            settings = settings.withStartTime(0).withEndTime(20 * 365).withStep(365);
        }
    }

    @Benchmark
    public Trajectory oneSubject() {
        return model.simulate(parameters, settings);
    }
}
