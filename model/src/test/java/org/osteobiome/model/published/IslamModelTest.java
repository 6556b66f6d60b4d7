package org.osteobiome.model.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.ode.SolverException;

/** Behaviour of the Islam et al. 2021 model as the original code defines it (published-models.md §1). */
class IslamModelTest {
    private final Islam2021Butyrate model = new Islam2021Butyrate();
    private final ParameterSet defaults = model.defaults();

    private Trajectory run(ParameterSet p, SimulationSettings s) {
        return model.simulate(p, s);
    }

    @Test
    void withoutButyrateTheImmuneStatesStartAtTheirSteadyState() {
        Islam2021Butyrate.Equations eq = new Islam2021Butyrate.Equations(defaults.with("case", 1));
        double[] y = eq.initialState();
        double[] dy = new double[y.length];
        eq.derivatives(0, y, dy);
        for (int i = 0; i <= Islam2021Butyrate.WNT10B; i++) {
            assertThat(dy[i]).as("d/dt of state %d", i).isCloseTo(0, within(1e-15));
        }
        Trajectory t = run(defaults.with("case", 1), SimulationSettings.DEFAULTS);
        assertThat(t.last("treg_blood_pct")).isCloseTo(13, within(1e-10));
        assertThat(t.last("treg_bone_pct")).isCloseTo(42, within(1e-10));
    }

    @Test
    void calibrationDoseReachesTheTyagiSteadyStates() {
        // The constants are derived so that d = 0.18 gives blood and bone butyrate +0.29 and 16 % blood Tregs at steady state.
        Trajectory t = run(defaults.with("handoff", "continuous"),
                SimulationSettings.DEFAULTS.withOutputTimes(new double[] {400}));
        assertThat(t.last("butyrate_blood_uM")).isCloseTo(0.29, within(1e-9));
        assertThat(t.last("butyrate_bone_uM")).isCloseTo(0.29, within(1e-9));
        assertThat(t.last("treg_blood_pct")).isCloseTo(16, within(1e-7));
    }

    @Test
    void wntAndTgfBetaAtDay28MatchTheTargetsTheyWereFittedTo() {
        SimulationSettings day28 = SimulationSettings.DEFAULTS.withOutputTimes(new double[] {28});
        Trajectory butyrate = run(defaults.with("handoff", "continuous"), day28);
        // ρ_W = 1.64 is the fmin solution of W(28) = 3.2 rounded to 3 digits; W − 1 is proportional to ρ_W, so the
        // rounding moves W(28) by at most 2.2 × 0.005/1.64 = 0.0067.
        assertThat(butyrate.last("wnt10b_fold")).isCloseTo(3.2, within(0.0067));
        // V_β = 6 and k_β = 0.489 were fitted by alternating curve_fit to TGF-β 3.75 (butyrate) and 0.44 (antibiotic) at
        // day 28 plus a steady-state point; as rounded they reach the butyrate target within 1 % ...
        assertThat(butyrate.last("tgf_beta_fold")).isCloseTo(3.75, within(0.0375));
        // ... and undershoot the antibiotic one: 0.32 instead of 0.44 (recorded in docs/models/islam2021-butyrate.md).
        Trajectory antibiotic = run(defaults.with("handoff", "continuous").with("dose_uM", -0.11), day28);
        assertThat(antibiotic.last("tgf_beta_fold")).isBetween(0.30, 0.34);
    }

    @Test
    void finalRowIsTheEndOfTheSecondCycle() {
        Trajectory fine = run(defaults.with("case", 3), SimulationSettings.DEFAULTS.withStep(0.001));
        int last = fine.rows() - 1;
        assertThat(fine.time()[last]).isEqualTo(28.0);
        assertThat(fine.time()[last - 1]).isCloseTo(27.999, within(1e-9));
        // Cycles end at 13.999 of integration time (np.arange): the original's last row (27.999) is the state after
        // 2 × 13.999 days, and the row at day 28 shows that same state.
        assertThat(fine.values()[last]).containsExactly(fine.values()[last - 1]);
    }

    @Test
    void cycleHandOffResetsOsteocytesAndDropsSmallBoneCellCountsButKeepsImmuneStates() {
        Trajectory t = run(defaults, SimulationSettings.DEFAULTS.withOutputTimes(new double[] {13.999, 14.0, 28}));
        assertThat(t.values()[1][t.indexOf("osteocytes")]).isEqualTo(180.0);
        assertThat(t.values()[0][t.indexOf("osteoclasts")]).isLessThan(1).isGreaterThan(0);
        assertThat(t.values()[1][t.indexOf("osteoclasts")]).isEqualTo(0.0);
        assertThat(t.values()[1][t.indexOf("preosteoblasts")]).isEqualTo(0.0);
        assertThat(t.values()[1][t.indexOf("bone_volume_pct")]).isEqualTo(t.values()[0][t.indexOf("bone_volume_pct")]);
        for (String immune : new String[] {"treg_bone", "tgf_beta_fold", "wnt10b_fold", "butyrate_gut_uM", "naive_blood"}) {
            assertThat(t.values()[1][t.indexOf(immune)]).as(immune).isEqualTo(t.values()[0][t.indexOf(immune)]);
        }
    }

    @Test
    void caseOneMeansNoButyrateUnlessADoseIsSet() {
        Trajectory case1 = run(defaults.with("case", 1), SimulationSettings.DEFAULTS);
        assertThat(case1.last("butyrate_gut_uM")).isEqualTo(0.0);
        // k1 was tuned so that one cycle without butyrate returns bone volume to ≈ 100 % (published-models.md §1.6).
        assertThat(case1.last("bone_volume_pct")).isCloseTo(100, within(0.001));
        Trajectory case1WithDose = run(defaults.with("case", 1).with("dose_uM", 0.18), SimulationSettings.DEFAULTS);
        Trajectory case2 = run(defaults.with("case", 2), SimulationSettings.DEFAULTS);
        assertThat(case1WithDose.values()[case1WithDose.rows() - 1]).containsExactly(case2.values()[case2.rows() - 1]);
    }

    @Test
    void everyDirectEffectRaisesBoneVolumeAboveTheImmuneEffectAlone() {
        double immuneOnly = run(defaults.with("case", 2), SimulationSettings.DEFAULTS).last("bone_volume_pct");
        for (int c = 3; c <= 9; c++) {
            double bv = run(defaults.with("case", c), SimulationSettings.DEFAULTS).last("bone_volume_pct");
            // The case constants were each fitted to reach the same bone volume after 2 cycles.
            assertThat(bv).as("case %d", c).isGreaterThan(immuneOnly + 30).isCloseTo(136.6, within(0.2));
        }
    }

    @Test
    void stiffAndNonStiffSolversAgree() {
        Trajectory dp = run(defaults.with("case", 5), SimulationSettings.DEFAULTS);
        Trajectory ro = run(defaults.with("case", 5), SimulationSettings.DEFAULTS.withSolver("rodas4"));
        for (String column : dp.names()) {
            assertThat(ro.last(column)).as(column).isCloseTo(dp.last(column), within(1e-6 * Math.max(1, Math.abs(dp.last(column)))));
        }
    }

    @Test
    void exactCycleLengthMovesDay28ValuesOnlyInTheFifthDigit() {
        double original = run(defaults, SimulationSettings.DEFAULTS).last("bone_volume_pct");
        double exact = run(defaults.with("handoff", "exact"), SimulationSettings.DEFAULTS).last("bone_volume_pct");
        assertThat(exact).isNotEqualTo(original);
        assertThat(Math.abs(exact - original) / original).isLessThan(1e-4);
    }

    @Test
    void doseBeyondTheTgfBetaPoleStopsWithTheCauseAndTime() {
        assertThatThrownBy(() -> run(defaults.with("dose_uM", 0.35), SimulationSettings.DEFAULTS.withEndTime(140)))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOMAIN_ERROR);
                    assertThat(e.getMessage()).contains("pole").contains("k_beta").contains("dose_uM");
                    // reported on the output time axis: in the third cycle
                    assertThat(e.time()).isBetween(28.0, 42.0);
                });
        // Below the pole (r_ss ≈ 1.651·d < k_β for d < 0.296) the run completes.
        assertThat(run(defaults.with("dose_uM", 0.29), SimulationSettings.DEFAULTS.withEndTime(140)).rows()).isEqualTo(1401);
    }

    @Test
    void endTimeBeyondTheCyclesSetIsRejected() {
        assertThatThrownBy(() -> run(defaults.with("cycles", 2), SimulationSettings.DEFAULTS.withEndTime(30)))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("needs 3 cycles");
        assertThat(run(defaults, SimulationSettings.DEFAULTS.withEndTime(30)).time()).endsWith(30.0);
    }
}
