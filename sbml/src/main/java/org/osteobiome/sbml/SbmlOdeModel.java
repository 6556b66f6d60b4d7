package org.osteobiome.sbml;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ode.OdeSystem;

/**
 * An imported SBML model as an ODE system. Every symbol (compartment, species, parameter, species reference,
 * reaction) has a slot in a values array. Symbols that never change are constants; symbols set by assignment rules
 * and reaction rates are computed from the state in dependency order; every other symbol is a state. A species
 * that reactions change is integrated as its amount, and its symbol (its concentration unless it has only substance
 * units) is the amount divided by its compartment's size.
 */
public final class SbmlOdeModel implements OdeSystem {
    /** One computation, in dependency order: {@code values[slot] = …}. */
    sealed interface Step permits Assign, Concentration {
    }

    /** An assignment rule or a reaction's kinetic law. */
    record Assign(int slot, Expr math) implements Step {
    }

    /** A species symbol from its amount: values[slot] = y[state] / values[compartmentSlot]. */
    record Concentration(int slot, int state, int compartmentSlot) implements Step {
    }

    /** How one state changes: by its rate rule, or by reactions (Σ stoichiometry × rate, times a conversion factor). */
    record Change(Expr rateRule, int[] reactionSlots, Expr[] stoichiometry, Expr conversionFactor) {
    }

    final String id;
    final List<String> symbols;
    final Map<String, Integer> slots;
    final double[] constants;
    /** state → slot of the symbol whose value it holds directly (−1 when its symbol is computed by a Concentration step). */
    final int[] directSlot;
    final Step[] steps;
    final Change[] changes;
    final double startTime;
    final double[] initialState;
    final List<SbmlEvent> events;
    final Map<String, SpeciesInfo> species;
    /** state → compartment slot for species integrated as concentrations (−1 otherwise). */
    final int[] concentrationCompartment;
    /** symbol → its unit as the file declares it (a unit definition's name, else its id); absent when undeclared. */
    final Map<String, String> units;
    /** The model's time unit, or null when the file declares none. */
    final String timeUnit;
    private final boolean[][] jacobianPattern;

    /** What output needs to know about a species. */
    record SpeciesInfo(int slot, int compartmentSlot, boolean onlySubstanceUnits) {
    }

    SbmlOdeModel(String id, List<String> symbols, Map<String, Integer> slots, double[] constants, int[] directSlot, Step[] steps,
                 Change[] changes, double startTime, double[] initialState, List<SbmlEvent> events, Map<String, SpeciesInfo> species,
                 int[] concentrationCompartment, Map<String, String> units, String timeUnit, boolean[][] jacobianPattern) {
        this.id = id;
        this.symbols = List.copyOf(symbols);
        this.slots = Map.copyOf(slots);
        this.constants = constants;
        this.directSlot = directSlot;
        this.steps = steps;
        this.changes = changes;
        this.startTime = startTime;
        this.initialState = initialState;
        this.events = List.copyOf(events);
        this.species = Map.copyOf(species);
        this.concentrationCompartment = concentrationCompartment;
        this.units = Map.copyOf(units);
        this.timeUnit = timeUnit;
        this.jacobianPattern = jacobianPattern;
    }

    /** From the math (the importer follows every formula to the states it reads), so exact at every state. */
    @Override
    public boolean[][] jacobianPattern() {
        return jacobianPattern;
    }

    /** A symbol's unit as the file declares it, if it does. */
    public Optional<String> unit(String symbol) {
        return Optional.ofNullable(units.get(symbol));
    }

    /** The model's time unit as the file declares it, if it does. */
    public Optional<String> timeUnit() {
        return Optional.ofNullable(timeUnit);
    }

    public String id() {
        return id;
    }

    /** Ids of every symbol, in slot order. */
    public List<String> symbols() {
        return symbols;
    }

    public double[] initialState() {
        return initialState.clone();
    }

    @Override
    public String stateName(int i) {
        if (directSlot[i] >= 0) {
            return "'" + symbols.get(directSlot[i]) + "'";
        }
        for (Step step : steps) {
            if (step instanceof Concentration c && c.state() == i) {
                return "'" + symbols.get(c.slot()) + "' (its amount)";
            }
        }
        return OdeSystem.super.stateName(i);
    }

    @Override
    public int dimension() {
        return initialState.length;
    }

    /** The value of every symbol at (t, y). */
    double[] values(double t, double[] y) {
        double[] v = constants.clone();
        for (int i = 0; i < directSlot.length; i++) {
            if (directSlot[i] >= 0) {
                v[directSlot[i]] = y[i];
            }
        }
        for (Step step : steps) {
            if (step instanceof Assign a) {
                v[a.slot()] = a.math().eval(t, v);
            } else {
                Concentration c = (Concentration) step;
                v[c.slot()] = y[c.state()] / v[c.compartmentSlot()];
            }
        }
        return v;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dy) {
        double[] v = values(t, y);
        for (int i = 0; i < changes.length; i++) {
            Change c = changes[i];
            if (c == null) {
                dy[i] = 0;
            } else if (c.rateRule() != null) {
                dy[i] = c.rateRule().eval(t, v);
            } else {
                double s = 0;
                for (int r = 0; r < c.reactionSlots().length; r++) {
                    s += c.stoichiometry()[r].eval(t, v) * v[c.reactionSlots()[r]];
                }
                dy[i] = c.conversionFactor() == null ? s : s * c.conversionFactor().eval(t, v);
            }
        }
    }

    /** The value of a symbol as output: a species as its amount or its concentration; anything else as its value. */
    double output(String id, boolean amount, double[] v) {
        Integer slot = slots.get(id);
        if (slot == null) {
            throw OsteobiomeException.unknown("model " + this.id + " has no symbol '" + id + "'");
        }
        SpeciesInfo s = species.get(id);
        if (s == null) {
            return v[slot];
        }
        double size = v[s.compartmentSlot()];
        if (s.onlySubstanceUnits()) {
            return amount ? v[slot] : v[slot] / size;
        }
        return amount ? v[slot] * size : v[slot];
    }
}
