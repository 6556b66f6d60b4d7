package org.osteobiome.model.ode;

/** What the solver does when an event fires. */
public sealed interface EventAction {

    /** End the integration at the event; the solution stops there. */
    record Stop() implements EventAction {
    }

    /** Record the event and go on; the integrator restarts at the event (useful at kinks of f). */
    record Continue() implements EventAction {
    }

    /** Replace the state (a dose, a cycle reset) and restart the integrator from the new state. */
    record Reset(StateReset reset) implements EventAction {
    }

    /** The model has left its domain: the solve fails with this cause and the event time. */
    record Fail(String cause) implements EventAction {
    }

    /** A new state computed from the time and the state just before the event. */
    @FunctionalInterface
    interface StateReset {
        double[] apply(double t, double[] y);
    }

    static EventAction stop() {
        return new Stop();
    }

    static EventAction proceed() {
        return new Continue();
    }

    static EventAction reset(StateReset reset) {
        return new Reset(reset);
    }

    static EventAction fail(String cause) {
        return new Fail(cause);
    }
}
