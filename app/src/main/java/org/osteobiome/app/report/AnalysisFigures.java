package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.List;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.app.service.FitStudy;
import org.osteobiome.microbiome.cohort.DifferentialAbundance;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.fit.FitResult;
import org.osteobiome.model.vpop.VirtualPopulation;

/** The figures of fits, virtual populations and differential abundance, as the commands write them and the web pages draw them. */
public final class AnalysisFigures {
    private static final String[] LEVELS = {"q05", "q25", "median", "q75", "q95"};

    private AnalysisFigures() {
    }

    /** One panel per observable, one line per condition over the data's time span, with the data (± SD). */
    public static Figure fit(Model model, ParameterSet base, FitResult r) {
        List<Figure.Panel> panels = new ArrayList<>();
        for (FitStudy.Panel p : FitStudy.curves(model, base, r)) {
            List<Figure.Line> lines = new ArrayList<>();
            List<Figure.Points> points = new ArrayList<>();
            for (FitStudy.Curve c : p.curves()) {
                lines.add(new Figure.Line(c.condition(), c.time(), c.fitted()));
                points.add(new Figure.Points(c.condition() + " (data)", c.dataTime(), c.data(), c.dataSd()));
            }
            panels.add(new Figure.Panel(p.observable(), lines, points));
        }
        return new Figure(model.id() + ": fit", "time (days)", panels);
    }

    /** Median with the 50 % and 90 % bands of the subjects, one panel per observable. */
    public static Figure vpop(Model model, VirtualPopulation.Result r) {
        double[] x = new double[r.time().length];
        for (int t = 0; t < x.length; t++) {
            x[t] = r.time()[t] / r.display().daysPerUnit();
        }
        List<Figure.Panel> panels = new ArrayList<>();
        for (int c = 0; c < r.observables().size(); c++) {
            double[][] q = new double[LEVELS.length][x.length];
            for (int t = 0; t < x.length; t++) {
                for (int l = 0; l < LEVELS.length; l++) {
                    q[l][t] = r.quantiles()[c][t][l];
                }
            }
            String id = r.observables().get(c);
            String unit = model.observables().stream().filter(o -> o.id().equals(id)).map(o -> o.unit()).findFirst().orElse("1");
            panels.add(new Figure.Panel(unit.isEmpty() || unit.equals("1") ? id : id + " (" + unit + ")",
                    List.of(new Figure.Line("median", x, q[2])), List.of(),
                    List.of(new Figure.Band("90 % of subjects", x, q[0], q[4]), new Figure.Band("50 % of subjects", x, q[1], q[3]))));
        }
        return new Figure(model.id() + ": virtual population (" + r.parameters().length + " subjects)", r.display().label(), panels);
    }

    /** Log2 fold change against −log10 q of one term's tested taxa, split at {@code q}. */
    public static Figure volcano(DifferentialAbundance.Result result, String term, double q) {
        List<double[]> hit = new ArrayList<>();
        List<double[]> rest = new ArrayList<>();
        for (DifferentialAbundance.Row r : result.rows()) {
            if (r.term().equals(term) && r.status().equals("tested")) {
                double[] point = {r.log2FoldChange(), -Math.log10(Math.max(r.qValue(), 1e-300))};
                (r.qValue() <= q ? hit : rest).add(point);
            }
        }
        List<Figure.Points> series = new ArrayList<>();
        if (!rest.isEmpty()) {
            series.add(points("q > " + q + " (" + rest.size() + ")", rest));
        }
        if (!hit.isEmpty()) {
            series.add(points("q ≤ " + q + " (" + hit.size() + ")", hit));
        }
        Figure.Panel panel = new Figure.Panel("−log10 q-value (BH)", List.of(), series);
        return new Figure("Differential abundance, " + term + " (" + result.samples() + " samples)",
                "log2 fold change against the healthy group (bias-corrected)", List.of(panel));
    }

    private static Figure.Points points(String name, List<double[]> pts) {
        return new Figure.Points(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), null);
    }

    /** Her BMD forecast: each arm's nominal line and middle half of the virtual women, and the healthy-gut reference. */
    public static Figure forecast(String sampleId, BoneForecast.Result r) {
        String[] names = {"no supplement", "L. acidophilus"};
        List<Figure.Line> lines = new ArrayList<>();
        List<Figure.Band> bands = new ArrayList<>();
        for (int a = 0; a < r.arms().size(); a++) {
            BoneForecast.Arm arm = r.arms().get(a);
            lines.add(new Figure.Line(names[a] + ": her profile", arm.years(), arm.typical()));
            bands.add(new Figure.Band(names[a] + ": middle half", arm.years(), arm.bands()[1], arm.bands()[3]));
        }
        lines.add(new Figure.Line("no supplement: healthy gut", r.untreated().years(), r.untreated().reference()));
        return new Figure("Forecast for " + sampleId + " (research model, not a diagnosis)", "years since menopause",
                List.of(new Figure.Panel("spine BMD (% of menopause value)", lines, List.of(), bands)));
    }
}
