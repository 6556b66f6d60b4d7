package org.osteobiome.model.ode;

import java.util.ArrayList;
import java.util.List;
import org.osteobiome.core.ErrorCode;

/**
 * The part every solver shares: split the interval at time events, integrate each segment
 * with the concrete method, apply event actions and fill the output grid. A segment ends at
 * the next time event or at the first state event; the integrator restarts after each.
 *
 * <p>At a time where an event resets the state, outputs show the state after the reset.
 */
abstract class EventDrivenSolver implements Solver {
    /** A state event firing more often than this in one solve is chattering on its switching surface. */
    static final int MAX_STATE_EVENTS = 100_000;

    private final SolverOptions options;

    EventDrivenSolver(SolverOptions options) {
        this.options = options;
    }

    @Override
    public SolverOptions options() {
        return options;
    }

    /**
     * Integrates from (t0, y0) towards tEnd, stopping early at the first state event. Outputs
     * strictly before the reached end are recorded into {@code output}.
     */
    abstract SegmentResult integrateSegment(OdeSystem system, double t0, double[] y0, double tEnd,
                                            List<StateEvent> events, OutputRecorder output, WorkCounter work);

    @Override
    public OdeSolution solve(OdeProblem problem) {
        OdeSystem system = problem.system();
        OutputRecorder output = new OutputRecorder(problem.outputTimes(), system.dimension());
        WorkCounter work = new WorkCounter();
        List<EventRecord> log = new ArrayList<>();
        List<TimeEvent> timeEvents = problem.timeEvents();
        List<StateEvent> stateEvents = problem.stateEvents();

        double t = problem.startTime();
        double[] y = problem.initialState();
        double tEnd = problem.endTime();
        int nextTimeEvent = 0;

        while (true) {
            // Apply every time event due now, in order.
            while (nextTimeEvent < timeEvents.size() && isDue(timeEvents.get(nextTimeEvent).time(), t)) {
                TimeEvent event = timeEvents.get(nextTimeEvent++);
                log.add(new EventRecord(event.name(), t));
                double[] after = apply(event.action(), event.name(), t, y);
                if (after == null) {
                    output.recordAt(t, y);
                    return finish(output, t, y, true, log, work);
                }
                y = after;
            }
            output.recordAt(t, y);
            if (isDue(tEnd, t)) {
                return finish(output, t, y, false, log, work);
            }
            double segmentEnd = nextTimeEvent < timeEvents.size() ? timeEvents.get(nextTimeEvent).time() : tEnd;
            SegmentResult result = integrateSegment(system, t, y, segmentEnd, stateEvents, output, work);
            t = result.endedByEvent() ? result.time() : segmentEnd;
            y = result.state();
            if (result.endedByEvent()) {
                StateEvent event = stateEvents.get(result.eventIndex());
                log.add(new EventRecord(event.name(), t));
                if (log.size() > MAX_STATE_EVENTS) {
                    throw new SolverException(ErrorCode.SOLVER_FAILURE, t, "event '" + event.name() + "' fired more than "
                            + MAX_STATE_EVENTS + " times; its switching function chatters around zero");
                }
                double[] after = apply(event.action(), event.name(), t, y);
                if (after == null) {
                    output.recordAt(t, y);
                    return finish(output, t, y, true, log, work);
                }
                y = after;
            }
        }
    }

    private static boolean isDue(double eventTime, double now) {
        return eventTime <= now || OutputRecorder.sameTime(eventTime, now);
    }

    /** Applies an action; returns the new state, or null when the integration must stop. */
    private static double[] apply(EventAction action, String name, double t, double[] y) {
        if (action instanceof EventAction.Stop) {
            return null;
        }
        if (action instanceof EventAction.Continue) {
            return y;
        }
        if (action instanceof EventAction.Fail fail) {
            throw new SolverException(ErrorCode.DOMAIN_ERROR, t, fail.cause());
        }
        double[] next = ((EventAction.Reset) action).reset().apply(t, y.clone());
        if (next.length != y.length) {
            throw new IllegalStateException("event '" + name + "' returned a state of length " + next.length);
        }
        for (double v : next) {
            if (!Double.isFinite(v)) {
                throw new SolverException(ErrorCode.SOLVER_FAILURE, t, "event '" + name + "' produced a non-finite state");
            }
        }
        return next;
    }

    private static OdeSolution finish(OutputRecorder output, double t, double[] y, boolean stopped,
                                      List<EventRecord> log, WorkCounter work) {
        return new OdeSolution(output.recordedTimes(), output.recordedStates(), t, y.clone(), stopped,
                List.copyOf(log), work.snapshot());
    }
}
