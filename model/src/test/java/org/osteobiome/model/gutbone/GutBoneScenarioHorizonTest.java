package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/** Scenarios last as long as the user simulates them, and a row does not depend on where the run ends. */
class GutBoneScenarioHorizonTest {
    private static final GutBoneAxis MODEL = new GutBoneAxis();

    private static Trajectory run(String scenario, double end) {
        return MODEL.simulate(ParameterSet.defaults(MODEL).with("scenario", scenario), SimulationSettings.DEFAULTS.withGrid(0, end, 0.5));
    }

    @Test
    void dosingWithoutAStopDayContinuesPastTheScenariosEnd() {
        Trajectory t = run("ovx-la", 140);
        for (double day = 85; day <= 140; day += 0.5) {
            assertThat(t.at(day, "la_load")).as("L. acidophilus load at day " + day).isGreaterThan(0.3);
        }
        assertThat(t.at(140, "bv_tv_pct")).isGreaterThan(run("ovx", 140).at(140, "bv_tv_pct"));
    }

    @Test
    void aCycleEndRowIsTheSameWhereverTheRunEnds() {
        Trajectory shortRun = run("ovx", 84);
        Trajectory longRun = run("ovx", 120);
        for (String o : new String[] {"bv_tv_pct", "bone_volume_pct", "osteoclasts", "osteoblasts"}) {
            for (double day : new double[] {14, 28, 42, 56, 70, 84}) {
                double a = shortRun.at(day, o);
                assertThat(longRun.at(day, o)).as(o + " at day " + day).isCloseTo(a, within(1e-6 * Math.max(1, Math.abs(a))));
            }
        }
    }

    @Test
    void boneReturnsTowardShamAfterLactobacillusIsWithdrawn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sham-la-withdrawn.json");
        Files.writeString(file, """
                {"name": "sham-la-withdrawn", "description": "sham mouse, L. acidophilus for six weeks", "species": "mouse",
                 "start_day": 0, "end_day": 168, "step_days": 1, "estrogen": {"curve": "none"},
                 "doses": [{"agent": "l_acidophilus", "start_day": 0, "stop_day": 42, "interval_days": 1, "amount": 1}]}
                """);
        Trajectory t = MODEL.simulate(ParameterSet.defaults(MODEL).with("scenario", file.toString()), SimulationSettings.DEFAULTS);
        // The cycle that began at the withdrawal still sees the raised Wnt-10b, so the gain peaks one cycle later (day
        // 56); from then on it shrinks at every cycle end and is under a tenth of its peak twelve weeks after withdrawal.
        double peak = t.at(56, "bv_tv_pct") - 100;
        assertThat(peak).isPositive();
        double previous = peak;
        for (double day = 70; day <= 168; day += 14) {
            double left = t.at(day, "bv_tv_pct") - 100;
            assertThat(left).as("gain left at day " + day).isLessThan(previous).isGreaterThanOrEqualTo(0);
            previous = left;
        }
        assertThat(t.at(126, "bv_tv_pct") - 100).isLessThan(0.1 * peak);
    }
}
