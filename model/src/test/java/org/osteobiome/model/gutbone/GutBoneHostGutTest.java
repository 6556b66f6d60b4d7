package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/**
 * The two inputs through which a woman's own gut enters the human preset (docs/forecast.md): the producer guild's set
 * point F_set and the resident Lactobacillus load L_res. The behaviours the mechanism implies are asserted at every
 * monthly output time over 30 years, and extreme values keep the model in its domain.
 */
class GutBoneHostGutTest {
    private static final GutBoneAxis MODEL = new GutBoneAxis();
    private static final SimulationSettings THIRTY_YEARS = SimulationSettings.DEFAULTS.withGrid(0, 30 * 365, 30);

    private static Trajectory run(String scenario, double fSet, double lRes) {
        ParameterSet p = MODEL.defaults().with("scenario", scenario).with("F_set", fSet).with("L_res", lRes);
        return MODEL.simulate(p, THIRTY_YEARS);
    }

    @Test
    void theGuildStartsAtItsSetPointAndKeepsItsShareOfTheTypicalGuild() {
        Trajectory typical = run("menopause-natural", 1, 0);
        for (double f : new double[] {0.5, 2}) {
            Trajectory t = run("menopause-natural", f, 0);
            assertThat(t.at(0, "producers")).isEqualTo(f);
            // The target scales with F_set and nothing else acts on the guild, so the ratio stays F_set at every time.
            for (int i = 0; i < t.rows(); i++) {
                assertThat(t.column("producers")[i] / typical.column("producers")[i]).as("day " + t.time()[i])
                        .isCloseTo(f, org.assertj.core.data.Offset.offset(1e-6 * f));
            }
        }
    }

    @Test
    void fewerButyrateProducersMeanLessButyrateAndLessBoneAtEveryMonth() {
        Trajectory low = run("menopause-natural", 0.5, 0);
        Trajectory mid = run("menopause-natural", 1, 0);
        Trajectory high = run("menopause-natural", 2, 0);
        for (int i = 1; i < mid.rows(); i++) {
            double t = mid.time()[i];
            assertThat(low.at(t, "butyrate_bone_uM")).as("day " + t).isLessThan(mid.at(t, "butyrate_bone_uM"));
            assertThat(mid.at(t, "butyrate_bone_uM")).as("day " + t).isLessThan(high.at(t, "butyrate_bone_uM"));
            assertThat(low.at(t, "bmd_pct")).as("day " + t).isLessThan(mid.at(t, "bmd_pct"));
            assertThat(mid.at(t, "bmd_pct")).as("day " + t).isLessThan(high.at(t, "bmd_pct"));
        }
    }

    @Test
    void residentLactobacilliRaiseButyrateAndShareTheSupplementsSaturation() {
        Trajectory none = run("menopause-natural", 1, 0);
        Trajectory resident = run("menopause-natural", 1, 2);
        Trajectory dosed = run("menopause-natural-la", 1, 0);
        Trajectory dosedResident = run("menopause-natural-la", 1, 2);
        for (int i = 1; i < none.rows(); i++) {
            double t = none.time()[i];
            assertThat(resident.at(t, "butyrate_gut_uM")).as("day " + t).isGreaterThan(none.at(t, "butyrate_gut_uM"));
            assertThat(resident.at(t, "bmd_pct")).as("day " + t).isGreaterThan(none.at(t, "bmd_pct"));
            // The supplement adds less butyrate on top of a resident load (one saturating cross-feeding term).
            double gainAlone = dosed.at(t, "butyrate_gut_uM") - none.at(t, "butyrate_gut_uM");
            double gainOnResident = dosedResident.at(t, "butyrate_gut_uM") - resident.at(t, "butyrate_gut_uM");
            assertThat(gainOnResident).as("day " + t).isPositive().isLessThan(gainAlone);
        }
    }

    @Test
    void extremeGutInputsStayInTheDomainOverThirtyYears() {
        for (String scenario : List.of("menopause-natural", "menopause-natural-la", "menopause-surgical", "menopause-fibre")) {
            for (double f : new double[] {0.05, 5}) {
                for (double l : new double[] {0, 100}) {
                    GutBoneInvariantsTest.assertInDomain(run(scenario, f, l), scenario + " F_set " + f + " L_res " + l);
                }
            }
        }
    }
}
