package org.osteobiome.model.ode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An initial value problem with its events and the times at which the solution is wanted.
 * The output grid is independent of the solver's steps: values between steps come from the
 * solver's dense output.
 *
 * @param system      the equations
 * @param startTime   initial time t0
 * @param initialState y(t0)
 * @param endTime     final time (greater than t0)
 * @param outputTimes ascending times in [t0, endTime] at which the state is recorded
 * @param timeEvents  events at fixed times in [t0, endTime], applied in time order (ties in list order)
 * @param stateEvents events at sign changes of switching functions
 */
public record OdeProblem(OdeSystem system, double startTime, double[] initialState, double endTime,
                         double[] outputTimes, List<TimeEvent> timeEvents, List<StateEvent> stateEvents) {

    public OdeProblem {
        Objects.requireNonNull(system, "system");
        initialState = initialState.clone();
        outputTimes = outputTimes.clone();
        timeEvents = sortedByTime(timeEvents);
        stateEvents = List.copyOf(stateEvents);
        if (initialState.length != system.dimension()) {
            throw org.osteobiome.core.OsteobiomeException.invalid("initial state has " + initialState.length
                    + " values but the system has " + system.dimension());
        }
        for (int i = 0; i < initialState.length; i++) {
            if (!Double.isFinite(initialState[i])) {
                throw org.osteobiome.core.OsteobiomeException.invalid("initial state component " + i + " is not finite: " + initialState[i]);
            }
        }
        if (!Double.isFinite(startTime) || !Double.isFinite(endTime) || !(endTime > startTime)) {
            throw org.osteobiome.core.OsteobiomeException.invalid("end time " + endTime + " must be finite and after the start time " + startTime);
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (double t : outputTimes) {
            if (!(t >= startTime && t <= endTime) || t < previous) {
                throw org.osteobiome.core.OsteobiomeException.invalid("output times must be ascending and within [" + startTime + ", "
                        + endTime + "]; got " + t);
            }
            previous = t;
        }
        for (TimeEvent e : timeEvents) {
            if (e.time() < startTime || e.time() > endTime) {
                throw org.osteobiome.core.OsteobiomeException.invalid("time event '" + e.name() + "' at " + e.time()
                        + " lies outside [" + startTime + ", " + endTime + "]");
            }
        }
    }

    /** A problem without events. */
    public static OdeProblem of(OdeSystem system, double t0, double[] y0, double tEnd, double[] outputTimes) {
        return new OdeProblem(system, t0, y0, tEnd, outputTimes, List.of(), List.of());
    }

    /** Evenly spaced output times from t0 to tEnd inclusive; the last interval may be shorter. */
    public static double[] grid(double t0, double tEnd, double step) {
        if (!(step > 0)) {
            throw org.osteobiome.core.OsteobiomeException.invalid("output step must be positive, got " + step);
        }
        long n = (long) Math.floor((tEnd - t0) / step * (1 + 1e-12));
        List<Double> times = new ArrayList<>();
        for (long i = 0; i <= n; i++) {
            times.add(Math.min(t0 + i * step, tEnd));
        }
        if (tEnd - times.get(times.size() - 1) > 1e-9 * Math.max(1, Math.abs(tEnd))) {
            times.add(tEnd);
        } else {
            times.set(times.size() - 1, tEnd);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public OdeProblem withTimeEvents(List<TimeEvent> events) {
        return new OdeProblem(system, startTime, initialState, endTime, outputTimes, events, stateEvents);
    }

    public OdeProblem withStateEvents(List<StateEvent> events) {
        return new OdeProblem(system, startTime, initialState, endTime, outputTimes, timeEvents, events);
    }

    @Override
    public double[] initialState() {
        return initialState.clone();
    }

    @Override
    public double[] outputTimes() {
        return outputTimes.clone();
    }

    private static List<TimeEvent> sortedByTime(List<TimeEvent> events) {
        List<TimeEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(TimeEvent::time)); // stable: ties keep list order
        return List.copyOf(sorted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OdeProblem p && system.equals(p.system) && startTime == p.startTime
                && Arrays.equals(initialState, p.initialState) && endTime == p.endTime
                && Arrays.equals(outputTimes, p.outputTimes) && timeEvents.equals(p.timeEvents)
                && stateEvents.equals(p.stateEvents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, startTime, Arrays.hashCode(initialState), endTime, Arrays.hashCode(outputTimes));
    }

    @Override
    public String toString() {
        return "OdeProblem[dimension=" + system.dimension() + ", t0=" + startTime + ", tEnd=" + endTime
                + ", outputs=" + outputTimes.length + ", timeEvents=" + timeEvents.size()
                + ", stateEvents=" + stateEvents.size() + "]";
    }
}
