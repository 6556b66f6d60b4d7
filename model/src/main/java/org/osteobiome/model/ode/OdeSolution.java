package org.osteobiome.model.ode;

import java.util.List;

/**
 * The result of one solve: the state at every requested output time that was reached.
 *
 * @param times      output times reached, ascending (fewer than requested if a stop event fired)
 * @param states     {@code states[i]} is the state at {@code times[i]}; at a time where a reset
 *                   happened the state after the reset is given
 * @param finalTime  where integration ended (the end time, or the time of a stop event)
 * @param finalState the state at {@code finalTime}
 * @param stopped    true when a stop event ended the integration early
 * @param events     events that fired, in order
 * @param statistics work done
 */
public record OdeSolution(double[] times, double[][] states, double finalTime, double[] finalState,
                          boolean stopped, List<EventRecord> events, SolverStatistics statistics) {

    /** Number of output rows. */
    public int size() {
        return times.length;
    }

    /** The value of state {@code index} at every output time. */
    public double[] component(int index) {
        double[] column = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            column[i] = states[i][index];
        }
        return column;
    }
}
