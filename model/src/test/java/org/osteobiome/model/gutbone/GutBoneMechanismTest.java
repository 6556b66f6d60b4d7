package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoublePredicate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/**
 * The seven behaviours of the seed article that gut-bone-axis must show (integrated-model.md §4), each as a
 * comparison of scenarios at the calibrated defaults, asserted at every output time of a 12-week mouse run (every
 * half day) and of 30 human years (every month) from the time the effect can first appear — not at one chosen day.
 * No expected number is hard-coded except where the behaviour itself is a published range (item 6: SWAN and Nelson
 * 2026).
 */
class GutBoneMechanismTest {
    private static final GutBoneAxis MODEL = new GutBoneAxis();
    private static final Map<String, Trajectory> RUNS = new ConcurrentHashMap<>();
    private static final double MOUSE_END = 84;
    private static final double YEAR = 365;
    private static final double HUMAN_END = 30 * YEAR;
    /** Immune changes need the estrogen fall to begin; bone changes need the first osteoclast wave (days 0–2). */
    private static final double IMMUNE_FROM = 1;
    private static final double BONE_FROM = 2;

    private static Trajectory run(String scenario) {
        return RUNS.computeIfAbsent(scenario, s -> {
            boolean human = s.startsWith("menopause");
            SimulationSettings grid = SimulationSettings.DEFAULTS.withGrid(0, human ? HUMAN_END : MOUSE_END, human ? 30 : 0.5);
            return MODEL.simulate(ParameterSet.defaults(MODEL).with("scenario", s), grid);
        });
    }

    private static double at(String scenario, double day, String observable) {
        return run(scenario).at(day, observable);
    }

    /** The output times of a scenario's run that satisfy {@code from}. */
    private static double[] times(String scenario, DoublePredicate from) {
        return java.util.Arrays.stream(run(scenario).time()).filter(from).toArray();
    }

    /** Asserts a &lt; b for an observable at every time of the mouse run from {@code from} on. */
    private static void lowerEverywhere(String a, String b, String observable, double from) {
        for (double t : times(a, x -> x >= from)) {
            assertThat(at(a, t, observable)).as(observable + ": " + a + " below " + b + " at day " + t).isLessThan(at(b, t, observable));
        }
    }

    @Test
    void bvTvIsRelativeToShamAtEveryTimeWhileTheRawVolumeCycles() {
        Trajectory sham = run("sham");
        double lowest = 100;
        for (int i = 0; i < sham.rows(); i++) {
            // The sham reference is the same layer solved in the same system: identical up to rounding.
            assertThat(sham.values()[i][sham.indexOf("bv_tv_pct")]).as("sham BV/TV at day " + sham.time()[i])
                    .isCloseTo(100, Offset.offset(1e-9));
            lowest = Math.min(lowest, sham.values()[i][sham.indexOf("bone_volume_pct")]);
        }
        assertThat(lowest).as("the raw bone volume dips inside a remodelling cycle").isLessThan(95);
    }

    @Test
    void ovxShiftsTheGutAndMarrowTowardTh17AndLosesBone() {
        lowerEverywhere("ovx", "sham", "rorgt_treg_gut_pct", IMMUNE_FROM);
        for (String o : List.of("th17_gut_pct", "th17_bone_pct", "th17_treg_ratio_bone", "il17_fold", "tnf_fold")) {
            lowerEverywhere("sham", "ovx", o, IMMUNE_FROM);
        }
        lowerEverywhere("ovx", "sham", "bv_tv_pct", BONE_FROM);
    }

    @Test
    void lactobacillusRaisesButyrateBlocksTransdifferentiationAndPartlyProtectsBone() {
        lowerEverywhere("ovx", "ovx-la", "butyrate_gut_uM", IMMUNE_FROM);
        lowerEverywhere("ovx-la", "ovx", "transdiff_flux", IMMUNE_FROM);
        lowerEverywhere("ovx-la", "ovx", "th17_bone_pct", IMMUNE_FROM);
        lowerEverywhere("ovx-la", "ovx", "th17_gut_pct", IMMUNE_FROM);
        lowerEverywhere("ovx", "ovx-la", "treg_bone_pct", IMMUNE_FROM);
        // Partly, not fully, prevented: between OVX and sham at every time.
        lowerEverywhere("ovx", "ovx-la", "bv_tv_pct", BONE_FROM);
        lowerEverywhere("ovx-la", "sham", "bv_tv_pct", BONE_FROM);
    }

    @Test
    void butyrateLowersThePerCellConversionRateOfRorgtTregs() {
        // The flux per RORγt⁺ pTreg (the conversion rate) is lower with L. acidophilus at every time: butyrate blocks the
        // conversion itself, not only the supply of convertible cells.
        for (double t : times("ovx", x -> x >= IMMUNE_FROM)) {
            double ovx = at("ovx", t, "transdiff_flux") / at("ovx", t, "rorgt_treg_gut_pct");
            double la = at("ovx-la", t, "transdiff_flux") / at("ovx-la", t, "rorgt_treg_gut_pct");
            assertThat(la).as("per-cell conversion at day " + t).isLessThan(ovx);
        }
    }

    @Test
    void cuttingTheButyrateLinkRemovesMostOfTheProtection() {
        for (double t : times("ovx", x -> x >= BONE_FROM)) {
            double protection = at("ovx-la", t, "bv_tv_pct") - at("ovx", t, "bv_tv_pct");
            double remaining = at("ovx-la-no-butyrate", t, "bv_tv_pct") - at("ovx", t, "bv_tv_pct");
            assertThat(protection).as("protection at day " + t).isPositive();
            assertThat(remaining).as("protection left without the butyrate link at day " + t).isLessThan(0.5 * protection);
        }
        lowerEverywhere("ovx-la", "ovx-la-no-butyrate", "th17_treg_ratio_bone", IMMUNE_FROM);
    }

    @Test
    void lactobacillusChangesBoneLittleInShamMice() {
        // Little: less than the OVX loss at every time once that loss has shown (after the first cycle), and bounded.
        for (double t : times("sham", x -> x >= 14)) {
            double shamChange = Math.abs(at("sham-la", t, "bv_tv_pct") - at("sham", t, "bv_tv_pct"));
            double ovxLoss = at("sham", t, "bv_tv_pct") - at("ovx", t, "bv_tv_pct");
            assertThat(shamChange).as("sham + L. acidophilus change at day " + t).isLessThan(ovxLoss);
            assertThat(at("sham-la", t, "bv_tv_pct")).isLessThan(130);
        }
    }

    @Test
    void estrogenReplacementRestoresImmuneBalanceAndBone() {
        for (double t : times("ovx", x -> x >= BONE_FROM)) {
            double sham = at("sham", t, "th17_treg_ratio_bone");
            double ovx = at("ovx", t, "th17_treg_ratio_bone");
            double replaced = at("ovx-estrogen", t, "th17_treg_ratio_bone");
            // Replacement brings the ratio back within a tenth of the OVX excess, and BV/TV within a tenth of the loss.
            assertThat(Math.abs(replaced - sham)).as("ratio at day " + t).isLessThan(0.1 * (ovx - sham));
            double boneLoss = at("sham", t, "bv_tv_pct") - at("ovx", t, "bv_tv_pct");
            assertThat(Math.abs(at("ovx-estrogen", t, "bv_tv_pct") - at("sham", t, "bv_tv_pct"))).as("BV/TV at day " + t)
                    .isLessThan(0.1 * boneLoss);
        }
    }

    @Test
    void humanMenopauseLosesTenToFifteenPercentOverTenYearsFastestEarly() {
        double loss10 = 100 - at("menopause-natural", 10 * YEAR, "bmd_pct");
        // SWAN: 10.6 % spine loss over FMP −5 to +5 y (Greendale et al. 2012); Nelson 2026 fit to Pansini: about 15 %.
        assertThat(loss10).isBetween(10.0, 15.0);
        // Fastest in the first years: after year 3 the loss rate never again reaches the fastest rate of years 0–3.
        double earliest = 0;
        for (double t : times("menopause-natural", x -> x > 0 && x <= 3 * YEAR)) {
            earliest = Math.max(earliest, -at("menopause-natural", t, "bmd_rate_pct_per_year"));
        }
        for (double t : times("menopause-natural", x -> x > 3 * YEAR)) {
            assertThat(-at("menopause-natural", t, "bmd_rate_pct_per_year")).as("loss rate at day " + t).isLessThan(earliest);
        }
        // BMD never rises above its value at menopause and only falls, through all 30 years.
        double previous = 100;
        for (double t : times("menopause-natural", x -> x > 0)) {
            double bmd = at("menopause-natural", t, "bmd_pct");
            assertThat(bmd).as("natural menopause BMD at day " + t).isLessThanOrEqualTo(previous);
            previous = bmd;
        }
        // Surgical menopause is faster at first: below natural menopause through the first five years.
        for (double t : times("menopause-surgical", x -> x > 0 && x <= 5 * YEAR)) {
            assertThat(at("menopause-surgical", t, "bmd_pct")).as("surgical vs natural at day " + t)
                    .isLessThan(at("menopause-natural", t, "bmd_pct"));
        }
    }

    @Test
    void supplementationStartedAtMenopauseBeatsTheSameStartedFiveYearsLater() {
        for (double t : times("menopause-natural", x -> x > 0)) {
            double none = at("menopause-natural", t, "bmd_pct");
            double early = at("menopause-natural-la", t, "bmd_pct");
            double late = at("menopause-natural-la-late", t, "bmd_pct");
            assertThat(early).as("from menopause vs none at day " + t).isGreaterThan(none);
            assertThat(early).as("from menopause vs from year 5 at day " + t).isGreaterThan(late);
            if (t > 5 * YEAR) {
                assertThat(late).as("from year 5 vs none at day " + t).isGreaterThan(none);
            } else {
                assertThat(late).as("not started yet at day " + t).isCloseTo(none, Offset.offset(1e-9));
            }
        }
    }

    @Test
    void moreLactobacillusNeverGivesLessButyrateAndTheBoneBenefitSaturates(@TempDir Path dir) throws IOException {
        double[] doses = {0, 0.1, 0.3, 1, 3, 10, 30, 100};
        Trajectory[] runs = new Trajectory[doses.length];
        for (int i = 0; i < doses.length; i++) {
            Path file = dir.resolve("dose-" + i + ".json");
            Files.writeString(file, """
                    {"name": "dose", "description": "OVX with daily L. acidophilus", "species": "mouse", "start_day": 0,
                     "end_day": 84, "step_days": 1, "estrogen": {"curve": "ovx"},
                     "doses": [{"agent": "l_acidophilus", "start_day": 0, "interval_days": 1, "amount": %s}]}
                    """.formatted(doses[i]));
            runs[i] = MODEL.simulate(ParameterSet.defaults(MODEL).with("scenario", file.toString()), SimulationSettings.DEFAULTS);
        }
        for (double t : runs[0].time()) {
            if (t < IMMUNE_FROM) {
                continue;
            }
            for (int i = 1; i < doses.length; i++) {
                assertThat(runs[i].at(t, "butyrate_gut_uM")).as("butyrate at dose " + doses[i] + ", day " + t)
                        .isGreaterThanOrEqualTo(runs[i - 1].at(t, "butyrate_gut_uM"));
                assertThat(runs[i].at(t, "bv_tv_pct")).as("bone at dose " + doses[i] + ", day " + t)
                        .isGreaterThanOrEqualTo(runs[i - 1].at(t, "bv_tv_pct") - 1e-9);
            }
            if (t >= 14) {
                // Saturation: the last tenfold of dose (10 → 100) adds less than a quarter of the benefit of 0 → 1e9 CFU.
                double firstBenefit = runs[3].at(t, "bv_tv_pct") - runs[0].at(t, "bv_tv_pct");
                double lastBenefit = runs[7].at(t, "bv_tv_pct") - runs[5].at(t, "bv_tv_pct");
                assertThat(firstBenefit).as("benefit of 1e9 CFU at day " + t).isPositive();
                assertThat(lastBenefit).as("benefit of the last tenfold at day " + t).isLessThan(0.25 * firstBenefit);
            }
        }
    }
}
