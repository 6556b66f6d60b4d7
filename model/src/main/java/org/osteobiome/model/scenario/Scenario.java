package org.osteobiome.model.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario of the gut–bone-axis model, as data: species preset, time window, estrogen curve, interventions
 * and parameter overrides. Read from JSON files (see {@link ScenarioFiles}).
 *
 * @param name        short name (file name without extension for built-in scenarios)
 * @param description one sentence
 * @param species     the species preset
 * @param startDay    first time of the integration (days; 0 = OVX or menopause)
 * @param endDay      last output time (days)
 * @param stepDays    output spacing (days)
 * @param estrogen    the estrogen curve
 * @param doses       interventions over time windows
 * @param parameters  parameter overrides (id → value as text)
 */
public record Scenario(String name, String description, Species species, double startDay, double endDay, double stepDays,
                       Estrogen estrogen, List<Dose> doses, Map<String, String> parameters) {

    /** The species preset; its id is how scenario files name it. */
    public enum Species {
        MOUSE, HUMAN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The estrogen curve; its id is how scenario files name it. */
    public enum Curve {
        /** intact */
        NONE,
        /** ovariectomy: fast fall to a floor (mouse) */
        OVX,
        /** Nelson 2026 natural menopause */
        NATURAL,
        /** Nelson 2026 surgical menopause */
        SURGICAL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a dose gives; its id is how scenario files name it. */
    public enum Agent {
        /** amount in units of 1e9 CFU per dose */
        L_ACIDOPHILUS,
        /** gut butyrate change, µM */
        BUTYRATE,
        /** relative intake, 1 = a fibre-rich diet */
        FIBRE,
        /** fraction of butyrate producers suppressed, 0–1 */
        ANTIBIOTICS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Scenario {
        doses = List.copyOf(doses);
        parameters = Map.copyOf(parameters);
    }

    /**
     * The estrogen curve.
     *
     * @param curve        the curve after day 0
     * @param replacements windows in which estrogen is restored to 1 (replacement therapy)
     */
    public record Estrogen(Curve curve, List<Window> replacements) {
        public Estrogen {
            replacements = List.copyOf(replacements);
        }
    }

    /** A time window [start, stop) in days; stop is +∞ for a window that lasts to the end of the run. */
    public record Window(double startDay, double stopDay) {
    }

    /**
     * An intervention.
     *
     * @param agent        what is given (see {@link Agent} for the amount's unit)
     * @param startDay     first day
     * @param stopDay      last day (exclusive); +∞ to continue to the end of the run
     * @param intervalDays spacing of doses; 0 for a continuous intake
     * @param amount       per dose (or per day when continuous)
     */
    public record Dose(Agent agent, double startDay, double stopDay, double intervalDays, double amount) {
    }
}
