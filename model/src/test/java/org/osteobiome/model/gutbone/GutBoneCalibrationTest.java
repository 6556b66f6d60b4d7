package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.Progress;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.data.MeasurementTable;
import org.osteobiome.model.fit.FitParameter;
import org.osteobiome.model.fit.FitResult;
import org.osteobiome.model.fit.Fitter;

/**
 * The shipped defaults are the calibration that docs/models/gut-bone-axis.md reports: refitting the shipped targets
 * finds no better optimum, and the validation rows that were not fitted stay within two SDs. A change to the model's
 * equations that invalidates the calibration fails here.
 */
class GutBoneCalibrationTest {
    private static final Model MODEL = ModelCatalog.get("gut-bone-axis");

    private static List<Measurement> targets(String use) {
        return MeasurementTable.resource("gut-bone-axis-targets.tsv").where(m -> m.use().equals(use));
    }

    private static double chiSquare(ParameterSet p, List<Measurement> data) {
        return DataComparison.compare(MODEL, p, data).stream().mapToDouble(pair -> pair.zScore() * pair.zScore()).sum();
    }

    /** The objectives docs/models/gut-bone-axis.md reports for the shipped values. */
    private static final double MOUSE_CHI_SQUARE = 1.317;
    private static final double HUMAN_CHI_SQUARE = 12.922;

    /** No ±5 % step of one calibrated parameter lowers χ² by more than rounding: the shipped values are a local optimum. */
    private static void assertLocalOptimum(List<Measurement> data, List<String> calibrated, double shipped) {
        for (String id : calibrated) {
            for (double factor : new double[] {0.95, 1.05}) {
                ParameterSet moved = MODEL.defaults().with(id, MODEL.defaults().real(id) * factor);
                assertThat(chiSquare(moved, data)).as(id + " × " + factor).isGreaterThan(shipped - 1e-3);
            }
        }
    }

    @Test
    void mouseDefaultsAreTheReportedOptimum() {
        List<Measurement> mouse = targets("fit-mouse");
        assertThat(mouse).hasSize(8);
        double shipped = chiSquare(MODEL.defaults(), mouse);
        assertThat(shipped).isCloseTo(MOUSE_CHI_SQUARE, offset(0.01));
        assertLocalOptimum(mouse, List.of("c_OC", "c_Treg", "y_L", "q_z", "f_Q"), shipped);
    }

    @Test
    void refittingTheHumanTargetsFromElsewhereFindsNoBetterOptimumThanTheShippedValues() {
        List<Measurement> human = targets("fit-human");
        assertThat(human).hasSize(37);
        double shipped = chiSquare(MODEL.defaults(), human);
        assertThat(shipped).isCloseTo(HUMAN_CHI_SQUARE, offset(0.01));
        assertLocalOptimum(human, List.of("c_OC_h", "e_PC_coupled", "tau_drive_h"), shipped);
        FitResult refit = Fitter.fit(MODEL, MODEL.defaults().with("c_OC_h", 1.5).with("e_PC_coupled", 3.0).with("tau_drive_h", 60), human,
                List.of(new FitParameter("c_OC_h", 0.01, 20), new FitParameter("e_PC_coupled", 0.01, 100), new FitParameter("tau_drive_h", 10, 2000)),
                new Fitter.Options(1, 1, "none", 2, false, 2, Progress.NONE));
        assertThat(refit.objective()).isGreaterThan(shipped - 0.01).isLessThan(shipped + 0.05);
    }

    /**
     * Validation rows the calibrated model misses by more than two SDs, with the z-score docs/models/gut-bone-axis.md
     * reports ("Known limitations"): natural menopause loses bone more slowly than Sowers et al. 2010 report for the
     * two years after the final period.
     */
    private static final java.util.Map<String, Double> KNOWN_MISSES = java.util.Map.of("bmd_pct scenario=menopause-natural 730", 3.11);

    @Test
    void validationTargetsThatWereNotFittedLieWithinTwoStandardDeviationsOrAreTheReportedMisses() {
        List<Measurement> checks = targets("check");
        assertThat(checks).hasSize(5);
        for (DataComparison.Pair pair : DataComparison.compare(MODEL, MODEL.defaults(), checks)) {
            Measurement m = pair.measurement();
            String key = m.observable() + " scenario=" + m.condition().get("scenario") + " " + org.osteobiome.core.Numbers.format(m.time());
            String what = key + ": predicted " + pair.predicted();
            if (KNOWN_MISSES.containsKey(key)) {
                assertThat(pair.zScore()).as(what).isCloseTo(KNOWN_MISSES.get(key), offset(0.05));
            } else {
                assertThat(Math.abs(pair.zScore())).as(what).isLessThan(2);
            }
        }
    }
}
