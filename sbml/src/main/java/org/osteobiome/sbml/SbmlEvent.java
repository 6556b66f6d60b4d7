package org.osteobiome.sbml;

import java.util.List;

/**
 * A compiled SBML event.
 *
 * @param id                       the event's id (or "event N")
 * @param trigger                  fires when this turns from false to true
 * @param initialValue             the trigger's value "just before" the start time (false lets a trigger true at t0 fire)
 * @param persistent               false: a pending (delayed) execution is cancelled when the trigger turns false
 * @param delay                    time from trigger to execution (null: none)
 * @param priority                 order among events executing at the same time, higher first (null: none)
 * @param valuesFromTriggerTime    assignment values computed when the trigger fires (true) or when it executes (false)
 * @param assignments              what the event changes
 * @param switches                 continuous functions whose zeros are the moments the trigger's comparisons flip
 */
record SbmlEvent(String id, Expr trigger, boolean initialValue, boolean persistent, Expr delay, Expr priority,
                 boolean valuesFromTriggerTime, List<Assignment> assignments, List<Expr> switches) {

    SbmlEvent {
        assignments = List.copyOf(assignments);
        switches = List.copyOf(switches);
    }

    /**
     * One event assignment.
     *
     * @param state         index of the changed state
     * @param compartmentSlot for a species whose state is its amount and whose symbol is its concentration, the slot of
     *                      its compartment (the assigned concentration is multiplied by its size); otherwise −1
     * @param math          the new value
     */
    record Assignment(int state, int compartmentSlot, Expr math) {
    }
}
