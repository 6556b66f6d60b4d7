package org.osteobiome.model.ode;

import java.util.Objects;

/**
 * An event at a known time (a dose, an input switch, a remodelling-cycle reset). The solver
 * stops exactly at {@code time}, applies the action and restarts, so kinks of the right-hand
 * side at known times never fall inside a step.
 */
public record TimeEvent(double time, String name, EventAction action) {

    public TimeEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        if (!Double.isFinite(time)) {
            throw org.osteobiome.core.OsteobiomeException.invalid("time event '" + name + "' has a non-finite time");
        }
    }
}
