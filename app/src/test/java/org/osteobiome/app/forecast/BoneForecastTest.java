package org.osteobiome.app.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.map.MapScorer;

/**
 * The mapping from a scored sample to the model's gut inputs, worked by hand, and the forecast's behaviour: the
 * healthy-reference woman is the model's default woman, supplementation never lowers BMD for any virtual woman at any
 * month, bands are ordered, and the same seed gives the same forecast.
 */
class BoneForecastTest {
    private static final BoneForecast.Settings SHORT = new BoneForecast.Settings(2, 3, 10, BoneForecast.Menopause.NATURAL, 24, 7, 2);

    private static MapScorer.Score score(double butyrate, double butyrateMedian, double lacto, double lactoMedian) {
        List<MapScorer.Measure> indices = List.of(
                new MapScorer.Measure("shannon", "", "nats", 3, 50, 2.5, 3, 3.5),
                new MapScorer.Measure("butyrate_guild_proxy", "", "% of reads", butyrate, 50, 0, butyrateMedian, 0),
                new MapScorer.Measure("lactobacillus", "", "% of reads", lacto, 50, 0, lactoMedian, 0));
        return new MapScorer.Score("her", 0.5, 0.4, 0.6, new double[] {0, 0}, indices, List.of(), 10, 10, 1, 10000, List.of());
    }

    @Test
    void herGuildRatioAndLactobacillusExcessBecomeTheModelsInputs() {
        GutInputs in = GutInputs.from(score(6, 12, 2.5, 0.5));
        assertThat(in.fSet()).isEqualTo(0.5); // 6 / 12
        assertThat(in.lRes()).isEqualTo(2.0); // (2.5 − 0.5) percentage points, one unit each
        assertThat(in.notes()).isEmpty();
        GutInputs below = GutInputs.from(score(12, 12, 0.1, 0.5));
        assertThat(below.fSet()).isEqualTo(1.0);
        assertThat(below.lRes()).as("below the healthy median: no resident excess").isZero();
        GutInputs extreme = GutInputs.from(score(0.5, 12, 150, 0));
        assertThat(extreme.fSet()).isEqualTo(GutInputs.F_MIN);
        assertThat(extreme.lRes()).isEqualTo(GutInputs.L_MAX);
        assertThat(extreme.notes()).hasSize(2).anyMatch(n -> n.contains("clamped")).anyMatch(n -> n.contains("capped"));
        GutInputs noReference = GutInputs.from(score(3, 0, 0, 0));
        assertThat(noReference.fSet()).isEqualTo(1.0);
        assertThat(noReference.notes()).singleElement().asString().contains("F_set = 1");
    }

    @Test
    void theHealthyReferenceWomanIsTheModelsDefaultWoman() {
        BoneForecast.Result r = BoneForecast.run(GutInputs.reference(), SHORT, (d, n) -> { });
        for (BoneForecast.Arm arm : r.arms()) {
            assertThat(arm.typical()).containsExactly(arm.reference());
        }
        assertThat(r.untreated().years()[0]).isEqualTo(2.0);
        assertThat(r.untreated().years()[r.untreated().years().length - 1]).isCloseTo(5.0, Offset.offset(1e-12));
    }

    @Test
    void supplementationNeverLowersBoneAndTheBandsAreOrderedAtEveryMonth() {
        BoneForecast.Result r = BoneForecast.run(GutInputs.from(score(6, 12, 0.5, 0.5)), SHORT, (d, n) -> { });
        assertThat(r.arms()).hasSize(2);
        BoneForecast.Arm none = r.arms().get(0);
        BoneForecast.Arm la = r.arms().get(1);
        // The dose event splits the integration there, so the two runs agree to the solver tolerance (rtol 1e-8), not bit for bit.
        assertThat(la.typical()[0]).as("supplement starts at the sample").isCloseTo(none.typical()[0], Offset.offset(1e-6));
        for (int t = 0; t < none.years().length; t++) {
            String at = "year " + none.years()[t];
            // At the sample itself the gain is zero up to that same tolerance; after it, supplementation adds bone.
            double floor = t == 0 ? -1e-6 : -1e-9;
            assertThat(r.gain()[0][t]).as("5th percentile of the gain, " + at).isGreaterThanOrEqualTo(floor);
            assertThat(r.typicalGain()[t]).as(at).isGreaterThanOrEqualTo(floor);
            if (t > 0) {
                assertThat(r.typicalGain()[t]).as(at).isPositive();
            }
            for (BoneForecast.Arm arm : r.arms()) {
                for (int q = 1; q < 5; q++) {
                    assertThat(arm.bands()[q][t]).as(arm.name() + " " + at).isGreaterThanOrEqualTo(arm.bands()[q - 1][t]);
                }
                assertThat(arm.bands()[0][t]).as(at).isPositive();
                assertThat(arm.bands()[4][t]).as(at).isLessThanOrEqualTo(100.0);
            }
            assertThat(none.typical()[t]).as("her fewer producers: less bone than the healthy-reference woman, " + at)
                    .isLessThan(none.reference()[t]);
        }
        assertThat(r.endGain()[2]).isEqualTo(r.gain()[2][none.years().length - 1]);
    }

    @Test
    void theSameSeedGivesTheSameForecastAndAnotherSeedOtherBands() {
        GutInputs in = GutInputs.from(score(6, 12, 0.5, 0.5));
        BoneForecast.Result a = BoneForecast.run(in, SHORT, (d, n) -> { });
        BoneForecast.Result b = BoneForecast.run(in, new BoneForecast.Settings(2, 3, 10, BoneForecast.Menopause.NATURAL, 24, 7, 1),
                (d, n) -> { });
        BoneForecast.Result c = BoneForecast.run(in, new BoneForecast.Settings(2, 3, 10, BoneForecast.Menopause.NATURAL, 24, 8, 2),
                (d, n) -> { });
        assertThat(b.gain()).isDeepEqualTo(a.gain());
        assertThat(b.untreated().bands()).isDeepEqualTo(a.untreated().bands());
        assertThat(c.untreated().bands()[0]).isNotEqualTo(a.untreated().bands()[0]);
    }

    @Test
    void impossibleSettingsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> new BoneForecast.Settings(-1, 10, 10, BoneForecast.Menopause.NATURAL, 10, 0, 1))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("--start-year");
        assertThatThrownBy(() -> new BoneForecast.Settings(0, 0, 10, BoneForecast.Menopause.NATURAL, 10, 0, 1))
                .hasMessageContaining("--years");
        assertThatThrownBy(() -> new BoneForecast.Settings(0, 10, Double.NaN, BoneForecast.Menopause.NATURAL, 10, 0, 1))
                .hasMessageContaining("la:10");
        assertThatThrownBy(() -> new BoneForecast.Settings(0, 10, 10, BoneForecast.Menopause.NATURAL, 0, 0, 1))
                .hasMessageContaining("--population");
    }

    @Test
    void aVirtualTrialIsSeededItsIntervalHoldsItsDifferenceAndSupplementationHelpsOnAverage() {
        VirtualTrial.Settings settings = new VirtualTrial.Settings(60, 6, 1, 10, 60, 1.2, 3, 2);
        VirtualTrial.Result a = VirtualTrial.run(settings, (d, n) -> { });
        VirtualTrial.Result b = VirtualTrial.run(new VirtualTrial.Settings(60, 6, 1, 10, 60, 1.2, 3, 1), (d, n) -> { });
        assertThat(b).usingRecursiveComparison().isEqualTo(a.withSettings(b.settings()));
        assertThat(a.placebo().women() + a.active().women()).isEqualTo(60);
        assertThat(a.difference()).isBetween(a.lower(), a.upper());
        assertThat(a.placebo().meanChange()).isBetween(a.placebo().lower(), a.placebo().upper());
        assertThat(a.expectedDifference()).as("the mechanism protects bone on average").isPositive();
        assertThat(a.power()).isBetween(0.025, 1.0);
        VirtualTrial.Result exact = VirtualTrial.run(new VirtualTrial.Settings(60, 6, 1, 10, 60, 0, 3, 2), (d, n) -> { });
        assertThat(exact.expectedDifference()).as("DXA error does not enter the paired expectation")
                .isEqualTo(a.expectedDifference());
        assertThatThrownBy(() -> new VirtualTrial.Settings(2, 6, 1, 10, 60, 1.2, 3, 2)).hasMessageContaining("--n 2");
        assertThatThrownBy(() -> new VirtualTrial.Settings(60, 6, 1, 10, 60, -1, 3, 2)).hasMessageContaining("--dxa-precision");
    }
}
