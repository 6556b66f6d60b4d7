package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.published.Islam2021Butyrate;
import org.osteobiome.model.published.Nelson2026Menopause;

/**
 * With the couplings off, gut-bone-axis reduces to its published components: the mouse preset to Islam et al. 2021
 * (case 2, exact 14-day hand-off, with Islam's TGF-β form), the human preset to Nelson et al. 2026 (natural and
 * surgical menopause). Both sides are solved to tight tolerances, so they agree to solver accuracy.
 */
class GutBoneReductionTest {
    private static final SimulationSettings TIGHT = SimulationSettings.DEFAULTS.withSolver("rodas4").withTolerances(1e-10, 1e-12);

    @Test
    void mouseWithoutCouplingsIsIslam2021WithItsButyrateDose() {
        double[] times = {0, 3.5, 7, 13.5, 14, 20, 28, 35, 42};
        GutBoneAxis axis = new GutBoneAxis();
        // Estrogen falls in ovx-butyrate, but with the couplings off nothing listens to it.
        Trajectory ours = axis.simulate(ParameterSet.defaults(axis).withAll(Map.of("scenario", "ovx-butyrate", "couplings", "off",
                "tgf_form", "islam")), TIGHT.withOutputTimes(times));
        Islam2021Butyrate islam = new Islam2021Butyrate();
        Trajectory published = islam.simulate(ParameterSet.defaults(islam).withAll(Map.of("case", "2", "handoff", "exact", "cycles", "3",
                "dose_uM", "0.18")), TIGHT.withOutputTimes(times));
        Map<String, String> pairs = Map.of("tgf_beta_fold", "tgf_beta_fold", "wnt10b_fold", "wnt10b_fold", "bone_volume_pct", "bone_volume_pct",
                "butyrate_gut_uM", "butyrate_gut_uM", "butyrate_bone_uM", "butyrate_bone_uM", "osteoclasts", "osteoclasts",
                "osteoblasts", "osteoblasts");
        for (double t : times) {
            for (Map.Entry<String, String> e : pairs.entrySet()) {
                if (t == 42 && e.getKey().startsWith("osteo")) {
                    // At the last cycle boundary Islam's rows show the end of the last cycle; ours show the state after
                    // the hand-off at every boundary, so that a row does not depend on where the run ends. The cells
                    // differ there by the hand-off's "below 1 → 0"; bone volume and the chain above it do not.
                    continue;
                }
                double expected = published.at(t, e.getValue());
                assertThat(ours.at(t, e.getKey())).as(e.getKey() + " at day " + t).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void humanWithoutCouplingsIsNelson2026() {
        for (String variant : new String[] {"natural", "surgical"}) {
            double[] times = {0, 100, 365, 1000, 1825, 3650, 7300};
            GutBoneAxis axis = new GutBoneAxis();
            Trajectory ours = axis.simulate(ParameterSet.defaults(axis).withAll(Map.of("scenario", "menopause-" + variant, "couplings", "off")),
                    TIGHT.withOutputTimes(times));
            Nelson2026Menopause nelson = new Nelson2026Menopause();
            Trajectory published = nelson.simulate(ParameterSet.defaults(nelson).with("variant", variant), TIGHT.withOutputTimes(times));
            // Nelson's run starts 30 years before menopause with an age-related drift of bone density, so its
            // density at menopause is BD0 < 1; ours starts from 1 at menopause. The bone-density equation does not
            // depend on density itself, so the changes agree exactly: 100 − ours = (100 − Nelson)·BD0.
            double bd0 = published.at(0, "bone_density");
            for (double t : times) {
                assertThat(100 - ours.at(t, "bmd_pct")).as(variant + " BMD loss at day " + t)
                        .isCloseTo((100 - published.at(t, "bmd_pct")) * bd0, within(1e-6));
                assertThat(ours.at(t, "osteoclast_density")).as(variant + " osteoclasts at day " + t)
                        .isCloseTo(published.at(t, "osteoclasts"), within(1e-6 * published.at(t, "osteoclasts")));
                assertThat(ours.at(t, "estrogen")).isCloseTo(published.at(t, "estrogen"), within(1e-9));
            }
        }
    }
}
