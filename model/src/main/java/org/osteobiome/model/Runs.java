package org.osteobiome.model;

import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.Solver;
import org.osteobiome.model.ode.SolverOptions;
import org.osteobiome.model.ode.Solvers;

/** Shared steps of running a model: output grid and solver from the settings and model defaults. */
public final class Runs {
    /** More output rows than this are refused (they would not fit in memory usefully). */
    public static final long MAX_ROWS = 5_000_000;

    private Runs() {
    }

    /** The output grid: settings where given, model defaults otherwise, checked for consistency. */
    public static double[] outputTimes(Model.TimeGrid defaults, SimulationSettings settings) {
        if (settings.outputTimes() != null) {
            return explicitTimes(settings.outputTimes());
        }
        double start = Double.isNaN(settings.startTime()) ? defaults.start() : settings.startTime();
        double end = Double.isNaN(settings.endTime()) ? defaults.end() : settings.endTime();
        double step = Double.isNaN(settings.step()) ? defaults.step() : settings.step();
        if (!Double.isFinite(start) || !Double.isFinite(end) || !(end > start)) {
            throw OsteobiomeException.invalid("end time " + Numbers.format(end) + " d must be after the start time "
                    + Numbers.format(start) + " d");
        }
        if (!Double.isFinite(step) || !(step > 0)) {
            throw OsteobiomeException.invalid("output step must be a positive number of days, got " + Numbers.format(step));
        }
        if ((end - start) / step > MAX_ROWS) {
            throw OsteobiomeException.invalid("output step " + Numbers.format(step) + " d over " + Numbers.format(end - start)
                    + " d gives more than " + MAX_ROWS + " rows; use a larger step");
        }
        return OdeProblem.grid(start, end, step);
    }

    private static double[] explicitTimes(double[] times) {
        if (times.length == 0 || times.length > MAX_ROWS) {
            throw OsteobiomeException.invalid("between 1 and " + MAX_ROWS + " output times are needed, got " + times.length);
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
                throw OsteobiomeException.invalid("output times must be finite and strictly ascending; time " + (i + 1)
                        + " is " + Numbers.format(times[i]));
            }
        }
        return times.clone();
    }

    /** The solver named in the settings (or the model's default) with the settings' tolerances or the defaults. */
    public static Solver solver(SimulationSettings settings, SolverDefaults defaults) {
        String name = settings.solver() == null ? defaults.solver() : settings.solver();
        double rtol = Double.isNaN(settings.relativeTolerance()) ? defaults.relativeTolerance() : settings.relativeTolerance();
        double atol = Double.isNaN(settings.absoluteTolerance()) ? defaults.absoluteTolerance() : settings.absoluteTolerance();
        if (!(rtol > 0 && rtol < 1) || !(atol > 0)) {
            throw OsteobiomeException.invalid("solver tolerances must be positive (and rtol below 1), got rtol="
                    + Numbers.format(rtol) + " atol=" + Numbers.format(atol));
        }
        return Solvers.byName(name, SolverOptions.tolerances(rtol, atol));
    }
}
