package org.osteobiome.model.ode;

import java.util.Objects;

/**
 * An event that fires when g(t, y) changes sign in the chosen direction.
 *
 * @param name      shown in event logs and error messages
 * @param condition the switching function g
 * @param direction which sign changes count
 * @param action    what happens when it fires
 */
public record StateEvent(String name, Condition condition, Direction direction, EventAction action) {

    /** The switching function whose sign change is the event. */
    @FunctionalInterface
    public interface Condition {
        double g(double t, double[] y);
    }

    /** Which sign changes of g trigger the event. */
    public enum Direction {
        /** g goes from negative to positive. */
        RISING,
        /** g goes from positive to negative. */
        FALLING,
        /** either. */
        ANY;

        boolean accepts(double before, double after) {
            return switch (this) {
                case RISING -> before < 0 && after >= 0;
                case FALLING -> before > 0 && after <= 0;
                case ANY -> (before < 0 && after >= 0) || (before > 0 && after <= 0);
            };
        }
    }

    public StateEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(action, "action");
    }
}
