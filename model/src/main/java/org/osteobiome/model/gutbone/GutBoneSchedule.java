package org.osteobiome.model.gutbone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osteobiome.model.scenario.Scenario;

/**
 * A scenario's schedule as changes at times — gavages, inputs switched on and off, estrogen-replacement windows and
 * (mouse) remodelling-cycle hand-offs — written once for both the numeric run ({@link GutBoneAxis}) and the SBML
 * export ({@link GutBoneSymbolic}), which turn each change into their own kind of event.
 */
final class GutBoneSchedule {
    /** The piecewise-constant inputs after the states, in order; {@link #symbol} is their id in the equation form. */
    enum Input {
        LA_RATE("la_rate"), BUTYRATE("butyrate_in"), FIBRE("fibre"), ANTIBIOTICS("antibiotics"), REPLACEMENT("replacement");

        final String symbol;

        Input(String symbol) {
            this.symbol = symbol;
        }

        /** The input a continuous intake of the agent feeds. */
        static Input of(Scenario.Agent agent) {
            return switch (agent) {
                case L_ACIDOPHILUS -> LA_RATE;
                case BUTYRATE -> BUTYRATE;
                case FIBRE -> FIBRE;
                case ANTIBIOTICS -> ANTIBIOTICS;
            };
        }
    }

    /** One change of the schedule. */
    sealed interface Change permits Gavage, Step, Replacement, HandOff {
        double time();

        /** What happens, for solver messages and SBML event names. */
        String name();
    }

    /** An L. acidophilus gavage of {@code amount} (1e9 CFU): the gut load rises by k_L·amount. */
    record Gavage(double time, double amount) implements Change {
        @Override
        public String name() {
            return "L. acidophilus gavage";
        }
    }

    /** An input changed by {@code delta}: an intake switched on or off. */
    record Step(double time, String name, Input input, double delta) implements Change {
    }

    /** Estrogen replacement switched on or off. */
    record Replacement(double time, boolean on) implements Change {
        @Override
        public String name() {
            return "estrogen replacement " + (on ? "on" : "off");
        }
    }

    /** The end-of-cycle hand-off of the mouse bone states. */
    record HandOff(double time) implements Change {
        @Override
        public String name() {
            return "remodelling cycle hand-off";
        }
    }

    private GutBoneSchedule() {
    }

    /**
     * The changes in time order. Windows are cut to [start, tEnd]; an intake still on at tEnd is not switched off;
     * hand-offs fall every {@code cycleDays} after start up to and including tEnd (mouse only, {@code cycleDays} > 0).
     */
    static List<Change> of(Scenario scenario, double cycleDays, double start, double tEnd) {
        List<Change> out = new ArrayList<>();
        for (Scenario.Dose dose : scenario.doses()) {
            double from = Math.max(dose.startDay(), start);
            double to = Math.min(dose.stopDay(), tEnd);
            if (from >= to) {
                continue;
            }
            if (dose.agent() == Scenario.Agent.L_ACIDOPHILUS && dose.intervalDays() > 0) {
                for (int n = 0; dose.startDay() + n * dose.intervalDays() < to; n++) {
                    double t = dose.startDay() + n * dose.intervalDays();
                    if (t >= from) {
                        out.add(new Gavage(t, dose.amount()));
                    }
                }
            } else {
                double rate = dose.intervalDays() > 0 ? dose.amount() / dose.intervalDays() : dose.amount();
                Input input = Input.of(dose.agent());
                out.add(new Step(from, dose.agent().id() + " on", input, rate));
                if (to < tEnd) {
                    out.add(new Step(to, dose.agent().id() + " off", input, -rate));
                }
            }
        }
        for (Scenario.Window w : scenario.estrogen().replacements()) {
            double from = Math.max(w.startDay(), start);
            double to = Math.min(w.stopDay(), tEnd);
            if (from < to) {
                out.add(new Replacement(from, true));
                if (to < tEnd) {
                    out.add(new Replacement(to, false));
                }
            }
        }
        if (cycleDays > 0) {
            for (int n = 1; n * cycleDays <= tEnd; n++) {
                if (n * cycleDays > start) {
                    out.add(new HandOff(n * cycleDays));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Change::time));
        return out;
    }
}
