package org.osteobiome.app.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteobiome.microbiome.map.MapScorer;

/**
 * How a scored sample's gut profile becomes the gut inputs of {@code gut-bone-axis} (human preset). Two parameters carry
 * it, both 1 and 0 (the model's healthy reference) unless a forecast sets them:
 * <ul>
 * <li>{@code F_set}: her butyrate-producer guild relative to the healthy reference, the ratio of her guild proxy to the
 * healthy women's median, clamped to [{@value #F_MIN}, {@value #F_MAX}]. The model's guild F is 1 in a healthy woman
 * before menopause and loses a share a_EF of itself without estrogen; the healthy women of a postmenopausal cohort sit
 * on that curve, so a woman at r times their median has a set point r (the ratio is assumed to persist).</li>
 * <li>{@code L_res}: resident lactobacilli above the healthy median, counted as load L: one percentage point of reads
 * is one unit of L, the load of 1e9 CFU/day. The scale comes from the mouse calibration, where 1e9 CFU/day is of
 * the order of 1% of the gut community (about 1e11 bacteria in a mouse colon). Below the median it is 0: the model
 * has no mechanism for missing lactobacilli beyond the producer guild. Assumed: no data link resident Lactobacillus to
 * butyrate in women.</li>
 * </ul>
 *
 * @param butyrate          her butyrate-producer proxy (% of reads)
 * @param butyrateHealthy   the healthy reference's median of it
 * @param fSet              the guild set point given to the model
 * @param lactobacillus     her Lactobacillus (% of reads)
 * @param lactobacillusHealthy the healthy reference's median of it
 * @param lRes              the resident load given to the model
 * @param notes             what was clamped or could not be derived, in words
 */
public record GutInputs(double butyrate, double butyrateHealthy, double fSet, double lactobacillus, double lactobacillusHealthy,
                        double lRes, List<String> notes) {
    public static final double F_MIN = 0.2;
    public static final double F_MAX = 3;
    /** Percentage points of Lactobacillus reads that count as one unit of load (the load at 1e9 CFU/day). */
    public static final double PERCENT_PER_LOAD = 1;
    public static final double L_MAX = 100;

    public GutInputs {
        notes = List.copyOf(notes);
    }

    /** The inputs of a healthy reference woman: the model's defaults. */
    public static GutInputs reference() {
        return new GutInputs(Double.NaN, Double.NaN, 1, Double.NaN, Double.NaN, 0, List.of());
    }

    /** Her inputs from a map score (the map's butyrate proxy and Lactobacillus indices). */
    public static GutInputs from(MapScorer.Score score) {
        MapScorer.Measure butyrate = index(score, "butyrate_guild_proxy");
        MapScorer.Measure lacto = index(score, "lactobacillus");
        List<String> notes = new ArrayList<>();
        double fSet = 1;
        if (butyrate.healthyMedian() > 0) {
            double ratio = butyrate.value() / butyrate.healthyMedian();
            fSet = Math.min(F_MAX, Math.max(F_MIN, ratio));
            if (fSet != ratio) {
                notes.add(String.format(Locale.ROOT, "her butyrate-producer proxy is %.2f× the healthy median; the model's set point "
                        + "was clamped to %.2f (the forecast is not meant for such extremes)", ratio, fSet));
            }
        } else {
            notes.add("the map's healthy women have no butyrate-producer reads at the median, so her guild cannot be set against "
                    + "them; the forecast uses the healthy reference's guild (F_set = 1)");
        }
        double excess = Math.max(0, lacto.value() - lacto.healthyMedian());
        double lRes = Math.min(L_MAX, excess / PERCENT_PER_LOAD);
        if (lRes < excess / PERCENT_PER_LOAD) {
            notes.add(String.format(Locale.ROOT, "her Lactobacillus is %.1f percentage points above the healthy median; the resident "
                    + "load was capped at %.0f", excess, L_MAX));
        }
        return new GutInputs(butyrate.value(), butyrate.healthyMedian(), fSet, lacto.value(), lacto.healthyMedian(), lRes, notes);
    }

    private static MapScorer.Measure index(MapScorer.Score score, String name) {
        return score.indices().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a map score always has the index " + name));
    }
}
