package org.osteobiome.model.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.Progress;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.data.MeasurementTable;

class FitterTest {

    /** Data made by cook2022-wnt10b itself at known β1,adj and K_W, with seeded Gaussian noise of SD 2 percentage points. */
    private static List<Measurement> syntheticCookData(double beta1Adj, double kW) {
        Model cook = ModelCatalog.get("cook2022-wnt10b");
        SplittableRandom random = new SplittableRandom(5);
        List<Measurement> data = new ArrayList<>();
        for (double x : new double[] {-1, 1.8, 5, 50}) {
            double[] times = {400, 600, 1200};
            double[] predicted = cook.simulate(cook.defaults().with("wnt_fold", x).with("cycles", 12).with("beta1_adj", beta1Adj)
                    .with("K_W", kW), SimulationSettings.DEFAULTS.withOutputTimes(times)).column("bv_change_pct");
            for (int i = 0; i < times.length; i++) {
                double noise = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                data.add(new Measurement("bv_change_pct", Map.of("wnt_fold", Double.toString(x), "cycles", "12"), times[i],
                        predicted[i] + 2 * noise, 2, "synthetic", "test"));
            }
        }
        return data;
    }

    @Test
    void recoversKnownParametersFromTheModelsOwnDataWithinTheirIntervals() {
        Model cook = ModelCatalog.get("cook2022-wnt10b");
        List<FitParameter> fit = List.of(new FitParameter("beta1_adj", 0.01, 1), new FitParameter("K_W", 1, 20));
        // Start far from the truth (β1,adj = 0.178, K_W = 6.26).
        FitResult r = Fitter.fit(cook, cook.defaults().with("beta1_adj", 0.05).with("K_W", 15), syntheticCookData(0.178, 6.26), fit,
                new Fitter.Options(4, 3, "profile", 50, false, 2, Progress.NONE));
        assertThat(r.lower()[0]).isLessThan(0.178);
        assertThat(r.upper()[0]).isGreaterThan(0.178);
        assertThat(r.lower()[1]).isLessThan(6.26);
        assertThat(r.upper()[1]).isGreaterThan(6.26);
        assertThat(r.estimates()[0]).isCloseTo(0.178, org.assertj.core.data.Offset.offset(0.02));
        // χ² of 12 points with 2 fitted parameters: far below the 99.9 % point of χ²(10), 29.6.
        assertThat(r.objective()).isLessThan(29.6);
        assertThat(r.weighted()).isTrue();
    }

    @Test
    void bootstrapIntervalsAlsoCoverTheTruthAndAreSeeded() {
        Model cook = ModelCatalog.get("cook2022-wnt10b");
        List<FitParameter> fit = List.of(new FitParameter("beta1_adj", 0.01, 1));
        Fitter.Options options = new Fitter.Options(1, 9, "bootstrap", 20, false, 2, Progress.NONE);
        FitResult a = Fitter.fit(cook, cook.defaults(), syntheticCookData(0.178, 6.26), fit, options);
        FitResult b = Fitter.fit(cook, cook.defaults(), syntheticCookData(0.178, 6.26), fit, options);
        assertThat(a.lower()[0]).isLessThan(0.178);
        assertThat(a.upper()[0]).isGreaterThan(0.178);
        assertThat(b.lower()).containsExactly(a.lower());
        assertThat(b.upper()).containsExactly(a.upper());
    }

    @Test
    void refittingNelsonsNaturalDataPutsTheirPublishedValuesInsideOurIntervals() {
        // Nelson et al. 2026 refit e_PC and e_Sc by LM from Jörg's values on the 18 natural-menopause points
        // (published-models.md §3.8); their start-up differed (inexact fsolve), so the estimates need not coincide.
        Model nelson = ModelCatalog.get("nelson2026-menopause");
        List<Measurement> natural = new ArrayList<>();
        for (Measurement m : MeasurementTable.resource("nelson2026-bmd.tsv").measurements()) {
            if (m.condition().get("variant").equals("natural")) {
                natural.add(new Measurement(m.observable(), Map.of(), m.time(), m.value(), Double.NaN, m.source(), m.use()));
            }
        }
        FitResult r = Fitter.fit(nelson, nelson.defaults().with("e_PC", 0.937654795).with("e_Sc", 9.595406602), natural,
                List.of(new FitParameter("e_PC", 0.05, 20), new FitParameter("e_Sc", 0.05, 20)),
                new Fitter.Options(3, 1, "profile", 50, false, 2, Progress.NONE));
        assertThat(r.weighted()).isFalse();
        assertThat(0.25463819775760055).isBetween(r.lower()[0], r.upper()[0]);
        assertThat(9.776879488474847).isBetween(r.lower()[1], r.upper()[1]);
        // e_Sc is weakly identified: its interval reaches the upper bound of the original fit.
        assertThat(r.upper()[1]).isEqualTo(20.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void badRequestsAreRefused() {
        Model cook = ModelCatalog.get("cook2022-wnt10b");
        assertThatThrownBy(() -> new FitParameter("K_W", 5, 1)).hasMessageContaining("lower < upper");
        assertThatThrownBy(() -> Fitter.fit(cook, cook.defaults(), syntheticCookData(0.178, 6.26),
                List.of(new FitParameter("K_w", 1, 10)), Fitter.Options.defaults())).hasMessageContaining("unknown parameter 'K_w'");
    }
}
