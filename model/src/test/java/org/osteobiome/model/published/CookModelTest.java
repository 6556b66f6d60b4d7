package org.osteobiome.model.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.MeasurementTable;

/** Cook et al. 2022 (published-models.md §2). */
class CookModelTest {
    private final Cook2022Wnt10b model = new Cook2022Wnt10b();
    private final ParameterSet defaults = model.defaults();

    @ParameterizedTest
    @ValueSource(doubles = {-1, 0, 1.8, 5, 50})
    void everyCycleAddsTheSameBoneVolume(double wntFold) {
        // For every Wnt input the cells fall below 1 by each cycle's end and z does not feed back, so the cell dynamics
        // repeat and BV after N cycles = 100 + N·ΔBV1 (published-models.md §2.5, the original's own self-check).
        // Exactly so from cycle 2 on; cycle 1 starts from S = 180 while later ones start from S_end − 20 with S_end a
        // hair below K_S = 200 (S approaches it asymptotically), which moves cycle 1 by about 3e-7 percentage points.
        double[] ends = {100, 200, 300, 400, 500, 600};
        Trajectory t = model.simulate(defaults.with("wnt_fold", wntFold),
                SimulationSettings.DEFAULTS.withOutputTimes(ends));
        double[] bv = t.column("bv_change_pct");
        double first = bv[0];
        double later = bv[1] - bv[0];
        assertThat(later).isCloseTo(first, within(1e-6));
        for (int n = 2; n < ends.length; n++) {
            assertThat(bv[n] - bv[n - 1]).as("increment of cycle %d", n + 1).isCloseTo(later, within(1e-8));
        }
        for (int n = 0; n < ends.length; n++) {
            assertThat(t.values()[n][t.indexOf("osteoclasts")]).isLessThan(1);
            assertThat(t.values()[n][t.indexOf("preosteoblasts")]).isLessThan(1);
            assertThat(t.values()[n][t.indexOf("osteoblasts")]).isLessThan(1);
        }
    }

    @Test
    void normalWntKeepsBoneVolumeNearlyConstantAndKnockOutLosesBone() {
        double normal = model.simulate(defaults, SimulationSettings.DEFAULTS).last("bv_change_pct");
        double knockOut = model.simulate(defaults.with("wnt_fold", -1), SimulationSettings.DEFAULTS).last("bv_change_pct");
        double raised = model.simulate(defaults.with("wnt_fold", 5), SimulationSettings.DEFAULTS).last("bv_change_pct");
        assertThat(Math.abs(normal)).isLessThan(0.05);
        assertThat(knockOut).isLessThan(-20);
        assertThat(raised).isGreaterThan(50);
    }

    @Test
    void fittedDataPointsLieWithinOneStandardDeviation() {
        List<DataComparison.Pair> pairs = DataComparison.compare(model, defaults,
                MeasurementTable.resource("cook2022-bennett.tsv").where(m -> m.use().equals("fit")));
        assertThat(pairs).hasSize(4);
        for (DataComparison.Pair p : pairs) {
            assertThat(Math.abs(p.zScore())).as("%s: model %s vs %s ± %s", p.measurement().condition(), p.predicted(),
                    p.measurement().value(), p.measurement().noiseSd()).isLessThan(1);
        }
    }

    @Test
    void roundedAndUnroundedParametersDifferOnlySlightly() {
        double rounded = model.simulate(defaults.with("wnt_fold", 50).with("cycles", 12), SimulationSettings.DEFAULTS)
                .last("bv_change_pct");
        double unrounded = model.simulate(defaults.with("wnt_fold", 50).with("cycles", 12).with("parameter_set", "unrounded"),
                SimulationSettings.DEFAULTS).last("bv_change_pct");
        assertThat(unrounded).isNotEqualTo(rounded);
        assertThat(Math.abs(unrounded - rounded)).isLessThan(0.05 * Math.abs(rounded));
    }

    @Test
    void cycleResetLowersOsteocytesByRho() {
        Trajectory t = model.simulate(defaults, SimulationSettings.DEFAULTS.withOutputTimes(new double[] {99.99, 100, 150}));
        assertThat(t.values()[1][t.indexOf("osteocytes")])
                .isCloseTo(t.values()[0][t.indexOf("osteocytes")] - 20, within(1e-3));
    }

    @Test
    void wntFoldAtOrBelowMinusKwIsRejected() {
        assertThatThrownBy(() -> model.simulate(defaults.with("K_W", 0.5).with("wnt_fold", -1), SimulationSettings.DEFAULTS))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("wnt_fold > −K_W");
    }
}
