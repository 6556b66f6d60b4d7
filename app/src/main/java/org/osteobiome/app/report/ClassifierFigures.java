package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteobiome.microbiome.map.ReferenceMap;

/** The ROC curves and calibration of a map's cross-validated classifiers, as figures. */
public final class ClassifierFigures {
    private ClassifierFigures() {
    }

    /** ROC curves of the elastic net and (when built) the random forest, with the chance diagonal. */
    public static Figure roc(ReferenceMap map) {
        List<Figure.Line> lines = new ArrayList<>();
        ReferenceMap.Performance en = map.classifier().performance();
        lines.add(new Figure.Line(label("elastic net", en), en.rocFpr(), en.rocTpr()));
        if (map.forest() != null) {
            ReferenceMap.Performance rf = map.forest().performance();
            lines.add(new Figure.Line(label("random forest", rf), rf.rocFpr(), rf.rocTpr()));
        }
        lines.add(new Figure.Line("chance", new double[] {0, 1}, new double[] {0, 1}));
        return new Figure("Cross-validated ROC, " + map.dataLabel() + " (" + en.repeats() + " × " + en.folds() + "-fold, "
                + en.cases() + " at risk, " + en.controls() + " healthy)", "false positive rate (1 − specificity)",
                List.of(new Figure.Panel("true positive rate (sensitivity)", lines, List.of())),
                "Receiver operating characteristic of the out-of-fold at-risk probabilities, pooled over the repeats of"
                        + " cross-validation; AUROC with its 95 % interval in the legend; the diagonal is a classifier that guesses.");
    }

    /** Observed at-risk share against mean predicted probability in ten bins, with the diagonal of perfect calibration. */
    public static Figure calibration(ReferenceMap map) {
        List<Figure.Points> points = new ArrayList<>();
        points.add(bins("elastic net", map.classifier().performance()));
        if (map.forest() != null) {
            points.add(bins("random forest", map.forest().performance()));
        }
        return new Figure("Calibration of the cross-validated probabilities, " + map.dataLabel(), "mean predicted at-risk probability",
                List.of(new Figure.Panel("observed at-risk share", List.of(new Figure.Line("perfect calibration", new double[] {0, 1},
                        new double[] {0, 1})), points)),
                "Points: the cross-validated probabilities in ten bins, each bin's mean prediction (x) against the share of its"
                        + " women who were at risk (y); empty bins are left out. Points on the diagonal are well calibrated.");
    }

    private static String label(String name, ReferenceMap.Performance p) {
        return String.format(Locale.ROOT, "%s: AUROC %.2f [%.2f, %.2f]", name, p.auroc(), p.aurocLower(), p.aurocUpper());
    }

    private static Figure.Points bins(String name, ReferenceMap.Performance p) {
        List<double[]> kept = new ArrayList<>();
        for (int b = 0; b < p.calibrationCounts().length; b++) {
            if (p.calibrationCounts()[b] > 0) {
                kept.add(new double[] {p.calibrationPredicted()[b], p.calibrationObserved()[b]});
            }
        }
        return new Figure.Points(name + " (ten bins)", kept.stream().mapToDouble(v -> v[0]).toArray(),
                kept.stream().mapToDouble(v -> v[1]).toArray(), null);
    }
}
