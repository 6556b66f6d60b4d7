package org.osteobiome.model.symbolic;

import java.util.List;
import java.util.Map;

/**
 * A model written out as equations rather than code, for exchange formats such as SBML. Formulas use the SBML
 * Level 3 infix syntax ({@code + - * / ^}, {@code exp}, {@code abs}, {@code max}, {@code piecewise(value, condition,
 * otherwise)}, {@code &&}, {@code ||}, comparisons, and {@code time}).
 *
 * @param id          short id
 * @param description one paragraph for the exported file's notes
 * @param constants   named numbers (parameters and derived constants)
 * @param states      quantities with a rate equation
 * @param definitions quantities defined by a formula of others, in an order where each follows what it reads
 * @param events      changes at given times
 */
public record SymbolicModel(String id, String description, List<Quantity> constants, List<State> states, List<Quantity> definitions,
                            List<TimedChange> events) {

    public SymbolicModel {
        constants = List.copyOf(constants);
        states = List.copyOf(states);
        definitions = List.copyOf(definitions);
        events = List.copyOf(events);
    }

    /**
     * A named number or formula.
     *
     * @param id      identifier
     * @param value   number (constants) or NaN (definitions)
     * @param formula formula (definitions) or null (constants)
     * @param unit    unit as osteobiome writes it ("1/day", "µM", "1", …)
     * @param meaning what it is, with its source
     */
    public record Quantity(String id, double value, String formula, String unit, String meaning) {
        public static Quantity constant(String id, double value, String unit, String meaning) {
            return new Quantity(id, value, null, unit, meaning);
        }

        public static Quantity defined(String id, String formula, String unit, String meaning) {
            return new Quantity(id, Double.NaN, formula, unit, meaning);
        }
    }

    /**
     * A state and its rate of change.
     *
     * @param id      identifier
     * @param initial value at the start time
     * @param rate    formula of d(id)/dt
     * @param unit    unit of the state
     * @param meaning what it is
     */
    public record State(String id, double initial, String rate, String unit, String meaning) {
    }

    /**
     * Assignments executed when time reaches {@code time}.
     *
     * @param name        what happens
     * @param time        when
     * @param assignments state id → formula of its new value (evaluated with the values just before)
     */
    public record TimedChange(String name, double time, Map<String, String> assignments) {
        public TimedChange {
            assignments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignments));
        }
    }
}
