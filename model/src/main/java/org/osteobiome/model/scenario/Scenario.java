package org.osteobiome.model.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario of the gut–bone-axis model, as data: species preset, time window, estrogen curve, interventions
 * and parameter overrides. Read from JSON files (see {@link ScenarioFiles}).
 *
 * @param name        short name (file name without extension for built-in scenarios)
 * @param description one sentence
 * @param species     "mouse" or "human"
 * @param startDay    first time of the integration (days; 0 = OVX or menopause)
 * @param endDay      last output time (days)
 * @param stepDays    output spacing (days)
 * @param estrogen    the estrogen curve
 * @param doses       interventions over time windows
 * @param parameters  parameter overrides (id → value as text)
 */
public record Scenario(String name, String description, String species, double startDay, double endDay, double stepDays,
                       Estrogen estrogen, List<Dose> doses, Map<String, String> parameters) {

    public Scenario {
        doses = List.copyOf(doses);
        parameters = Map.copyOf(parameters);
    }

    /**
     * The estrogen curve.
     *
     * @param curve        "none" (intact), "ovx" (ovariectomy: fast fall to a floor), "natural" (Nelson 2026 natural
     *                     menopause), "surgical" (Nelson 2026 surgical menopause)
     * @param replacements windows in which estrogen is restored to 1 (replacement therapy)
     */
    public record Estrogen(String curve, List<Window> replacements) {
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
     * @param agent        "l_acidophilus" (amount in units of 1e9 CFU per dose), "butyrate" (gut butyrate change, µM),
     *                     "fibre" (relative intake, 1 = a fibre-rich diet), "antibiotics" (fraction of butyrate producers
     *                     suppressed, 0–1)
     * @param startDay     first day
     * @param stopDay      last day (exclusive); +∞ to continue to the end of the run
     * @param intervalDays spacing of doses; 0 for a continuous intake
     * @param amount       per dose (or per day when continuous)
     */
    public record Dose(String agent, double startDay, double stopDay, double intervalDays, double amount) {
    }
}
