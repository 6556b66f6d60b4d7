package org.osteobiome.model.ode;

import java.util.Arrays;

/** Fills the requested output grid from dense steps and event points, in time order. */
final class OutputRecorder {
    private final double[] times;
    private final double[][] states;
    private int next;

    OutputRecorder(double[] times, int dimension) {
        this.times = times;
        this.states = new double[times.length][dimension];
    }

    /** True when {@code a} and {@code b} are the same time up to rounding. */
    static boolean sameTime(double a, double b) {
        return Math.abs(a - b) <= 1e-12 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Records every pending output time strictly before {@code limit} that the step covers. */
    void recordBefore(DenseStep step, double limit) {
        while (next < times.length && times[next] <= step.end() && times[next] < limit
                && !sameTime(times[next], limit)) {
            double t = Math.max(times[next], step.start());
            step.stateAt(t, states[next]);
            next++;
        }
    }

    /** Records every pending output time equal (up to rounding) to {@code t} with state {@code y}. */
    void recordAt(double t, double[] y) {
        while (next < times.length && (times[next] <= t || sameTime(times[next], t))) {
            System.arraycopy(y, 0, states[next], 0, y.length);
            next++;
        }
    }

    double[] recordedTimes() {
        return Arrays.copyOf(times, next);
    }

    double[][] recordedStates() {
        return Arrays.copyOf(states, next);
    }
}
