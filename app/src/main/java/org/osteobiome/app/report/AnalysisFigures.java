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

    /**
     * One panel per observable, one line per condition over the data's time span, with the data (± SD) in their line's
     * colour; time in years when the data span more than three years.
     */
    public static Figure fit(Model model, ParameterSet base, FitResult r) {
        List<FitStudy.Panel> curves = FitStudy.curves(model, base, r);
        double span = curves.stream().flatMap(p -> p.curves().stream()).mapToDouble(c -> c.time()[c.time().length - 1]).max().orElse(0);
        double perUnit = span > 3 * 365 ? 365 : 1;
        List<Figure.Panel> panels = new ArrayList<>();
        for (FitStudy.Panel p : curves) {
            List<Figure.Line> lines = new ArrayList<>();
            List<Figure.Points> points = new ArrayList<>();
            for (FitStudy.Curve c : p.curves()) {
                lines.add(new Figure.Line(c.condition(), scaled(c.time(), perUnit), c.fitted()));
                points.add(new Figure.Points(c.condition() + " (data)", scaled(c.dataTime(), perUnit), c.data(), c.dataSd(), c.condition()));
            }
            panels.add(new Figure.Panel(axisLabel(model, p.observable()), lines, points));
        }
        return new Figure(model.id() + ": fit", perUnit == 365 ? "time (years)" : "time (days)", panels,
                "Lines: the model at the fitted estimates, one per condition; points: the measurements it was fitted to"
                        + " (weighted least squares), in their condition's colour, bars ± 1 SD where the data give one.");
    }

    private static double[] scaled(double[] days, double perUnit) {
        double[] out = new double[days.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = days[i] / perUnit;
        }
        return out;
    }

    /** An observable's axis label: its id and unit ("bmd_pct (%)"), the unit read as "dimensionless" for 1. */
    public static String axisLabel(Model model, String observable) {
        String unit = model.observables().stream().filter(o -> o.id().equals(observable)).map(o -> o.unit()).findFirst().orElse("1");
        return observable + " (" + TrajectoryFigures.unitText(unit) + ")";
    }

    /** Median with the 50 % and 90 % bands of the subjects, one panel per observable. */
    public static Figure vpop(Model model, VirtualPopulation.Summary r) {
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
            panels.add(new Figure.Panel(axisLabel(model, r.observables().get(c)),
                    List.of(new Figure.Line("median", x, q[2])), List.of(),
                    List.of(new Figure.Band("90 % of subjects", x, q[0], q[4]), new Figure.Band("50 % of subjects", x, q[1], q[3]))));
        }
        return new Figure(model.id() + ": virtual population (" + r.subjects() + " subjects)", r.display().label(), panels,
                "Line: the median subject at each output time; shaded: the middle 50 % and 90 % of the " + r.subjects()
                        + " simulated subjects, whose parameters were drawn from the variability file."
                        + (r.failed() == 0 ? "" : " " + r.failed() + " subjects whose run failed are left out."));
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
                "log2 fold change against the healthy group (bias-corrected)", List.of(panel),
                "Each point is one tested taxon: its covariate-adjusted CLR difference from the healthy group (x) and the"
                        + " Benjamini–Hochberg q-value of that difference (y); taxa at q ≤ " + q + " are the ones reported.");
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
            bands.add(new Figure.Band(names[a] + ": middle half", arm.years(), arm.bands()[1], arm.bands()[3], names[a] + ": her profile"));
        }
        lines.add(new Figure.Line("no supplement: healthy gut", r.untreated().years(), r.untreated().reference()));
        return new Figure("Forecast for " + sampleId + " (research model, not a diagnosis)", "years since menopause",
                List.of(new Figure.Panel("spine BMD (% of menopause value)", lines, List.of(), bands)),
                "Lines: gut-bone-axis driven by her sample's gut inputs, without and with L. acidophilus, and a woman with a"
                        + " healthy gut without it; shaded: the middle half of virtual women with her profile. A research model's"
                        + " forecast, not a diagnosis.");
    }
}
