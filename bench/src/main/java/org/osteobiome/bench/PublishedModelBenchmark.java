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
 * One simulation of each published model with its default parameters, protocol and output grid
 * (what {@code osteobiome simulate ID} computes), with each solver at the model's default tolerances.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PublishedModelBenchmark {

    @Param({"islam2021-butyrate", "cook2022-wnt10b", "nelson2026-menopause", "komarova2003", "lemaire2004"})
    public String model;

    @Param({"dp853", "rodas4"})
    public String solver;

    private Model instance;
    private ParameterSet parameters;
    private SimulationSettings settings;

    @Setup
    public void setUp() {
        instance = ModelCatalog.get(model);
        parameters = instance.defaults();
        settings = SimulationSettings.DEFAULTS.withSolver(solver);
    }

    @Benchmark
    public Trajectory simulate() {
        return instance.simulate(parameters, settings);
    }
}
