package org.osteobiome.model;

/**
 * How to run a model. NaN or null fields take the model's defaults.
 *
 * @param startTime first output time (days)
 * @param endTime   last output time (days); the final row is always at this time
 * @param step      spacing of output times (days)
 * @param outputTimes explicit ascending output times (days); when given, start, end and step are ignored
 * @param solver    solver name ({@link org.osteobiome.model.ode.Solvers#names()})
 * @param relativeTolerance solver relative tolerance
 * @param absoluteTolerance solver absolute tolerance
 */
public record SimulationSettings(double startTime, double endTime, double step, double[] outputTimes, String solver,
                                 double relativeTolerance, double absoluteTolerance) implements java.io.Serializable {

    /** Everything at the model's defaults. */
    public static final SimulationSettings DEFAULTS = new SimulationSettings(Double.NaN, Double.NaN, Double.NaN, null,
            null, Double.NaN, Double.NaN);

    public SimulationSettings {
        outputTimes = outputTimes == null ? null : outputTimes.clone();
    }

    /** Settings that ask for exactly these output times. */
    public SimulationSettings withOutputTimes(double[] times) {
        return new SimulationSettings(startTime, endTime, step, times, solver, relativeTolerance, absoluteTolerance);
    }

    /** Settings with output every {@code step} from {@code start} to {@code end}. */
    public SimulationSettings withGrid(double start, double end, double step) {
        return new SimulationSettings(start, end, step, outputTimes, solver, relativeTolerance, absoluteTolerance);
    }

    public SimulationSettings withEndTime(double t) {
        return new SimulationSettings(startTime, t, step, outputTimes, solver, relativeTolerance, absoluteTolerance);
    }

    public SimulationSettings withStartTime(double t) {
        return new SimulationSettings(t, endTime, step, outputTimes, solver, relativeTolerance, absoluteTolerance);
    }

    public SimulationSettings withStep(double s) {
        return new SimulationSettings(startTime, endTime, s, outputTimes, solver, relativeTolerance, absoluteTolerance);
    }

    public SimulationSettings withSolver(String name) {
        return new SimulationSettings(startTime, endTime, step, outputTimes, name, relativeTolerance, absoluteTolerance);
    }

    public SimulationSettings withTolerances(double rtol, double atol) {
        return new SimulationSettings(startTime, endTime, step, outputTimes, solver, rtol, atol);
    }
}

