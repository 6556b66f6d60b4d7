package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.Progress;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * The shipped variability files reproduce the between-subject spreads their headers were calibrated to (the sources
 * and derivations are in the files and in docs/models/gut-bone-axis.md). The same seed draws the same subjects at any
 * end time, so runs to two end times pair subject by subject.
 */
class GutBoneVariabilityTest {
    private static final GutBoneAxis MODEL = new GutBoneAxis();

    private static double[] finals(String scenario, String variability, String observable, double end, int n) {
        ParameterSet base = MODEL.defaults().with("scenario", scenario);
        SimulationSettings settings = SimulationSettings.DEFAULTS.withGrid(0, end, end).withTolerances(1e-6, 1e-8);
        VirtualPopulation.Result r = VirtualPopulation.run(MODEL, base, settings, Variability.resource(variability), List.of(observable), n,
                7, 2, Progress.NONE);
        assertThat(r.failures()).isEmpty();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.finals()[i][0];
        }
        return out;
    }

    private static double sd(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
    }

    @Test
    void womenSpreadLikeTheTrialAndCohortData() {
        int n = 1000;
        double[] year5 = finals("menopause-natural", "human-variability.tsv", "bmd_pct", 5 * 365, n);
        double[] year6 = finals("menopause-natural", "human-variability.tsv", "bmd_pct", 6 * 365, n);
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            change[i] = 100 * (year6[i] - year5[i]) / year5[i];
        }
        // Jansson et al. 2019 placebo arm: SD of the one-year change 2.76 with DXA precision, about 2.2 without.
        assertThat(sd(change)).isBetween(2.2, 2.8);
        // Most women lose bone over that year, as the trial's placebo arm did on average.
        assertThat(java.util.Arrays.stream(change).filter(c -> c < 0).count()).isGreaterThan(n / 2);
        // Between-woman SD of BMD around ten years in the cohorts of nelson2026-bmd.tsv: 11.5–14.7 (a little below is
        // accepted: those SDs also hold the spread of BMD at onset, which % of onset removes).
        assertThat(sd(finals("menopause-natural", "human-variability.tsv", "bmd_pct", 10 * 365, n))).isBetween(10.0, 15.0);
    }

    @Test
    void ovxMiceSpreadByAThirdOfTheirLoss() {
        double[] day28 = finals("ovx", "mouse-variability.tsv", "bv_tv_pct", 28, 200);
        double loss = 100 - java.util.Arrays.stream(day28).average().orElseThrow();
        assertThat(sd(day28) / loss).isBetween(0.25, 0.42);
    }
}
