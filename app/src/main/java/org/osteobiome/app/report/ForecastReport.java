package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.app.forecast.GutInputs;

/** The forecast part of a report: her BMD with and without supplementation, the bands, and how her gut set the model. */
public final class ForecastReport {
    private ForecastReport() {
    }

    /** What the forecast is, shown with every forecast. */
    public static final String LIMITS = "The forecast runs osteobiome's gut-bone-axis model, a research hypothesis in equations: "
            + "its couplings are assumed or calibrated to mouse and population data, not to her. It shows what the mechanism "
            + "implies for a woman with her gut profile, not what her bone will do; it is not a diagnostic device.";

    public static void section(HtmlPage page, BoneForecast.Result r) {
        BoneForecast.Settings s = r.settings();
        GutInputs in = r.inputs();
        page.heading("Forecast: lumbar-spine BMD over " + number(s.years()) + " years");
        page.markup("<p class=\"notice\">" + HtmlPage.escape(LIMITS) + "</p>");
        List<Svg.Band> bands = new ArrayList<>();
        List<Svg.Line> lines = new ArrayList<>();
        String[] colours = {Svg.PALETTE.get(1), Svg.PALETTE.get(0)};
        String[] names = {"no supplement", "L. acidophilus"};
        for (int a = 0; a < r.arms().size(); a++) {
            BoneForecast.Arm arm = r.arms().get(a);
            bands.add(new Svg.Band(names[a] + ": middle half", arm.years(), arm.bands()[1], arm.bands()[3], colours[a]));
            lines.add(new Svg.Line(names[a] + ": her profile", arm.years(), arm.typical(), colours[a], false));
        }
        BoneForecast.Arm none = r.untreated();
        lines.add(new Svg.Line("no supplement: healthy gut", none.years(), none.reference(), Svg.PALETTE.get(6), true));
        page.markup("<figure>" + Svg.lines("years since menopause", "lumbar-spine BMD (% of value at menopause)", bands, lines, 900, 360)
                + "<figcaption>" + HtmlPage.escape(caption(r)) + "</figcaption></figure>");
        if (r.gain().length > 0) {
            double[] years = none.years();
            List<Svg.Band> gainBands = List.of(
                    new Svg.Band("5–95% of the women", years, r.gain()[0], r.gain()[4], Svg.PALETTE.get(5)),
                    new Svg.Band("middle half", years, r.gain()[1], r.gain()[3], Svg.PALETTE.get(0)));
            List<Svg.Line> gainLines = List.of(new Svg.Line("her profile", years, r.typicalGain(), Svg.PALETTE.get(0), false));
            page.markup("<figure>" + Svg.lines("years since menopause", "BMD gain (percentage points of menopause value)", gainBands,
                    gainLines, 900, 300) + "<figcaption>" + HtmlPage.escape("What L. acidophilus (" + r.arms().get(1).name()
                    + ") adds: BMD with supplement minus without, each virtual woman compared with herself; solid line, the model's "
                    + "nominal woman with her gut inputs; shaded, the spread over " + s.population() + " virtual women.")
                    + "</figcaption></figure>");
        }
        List<List<String>> rows = new ArrayList<>();
        int last = none.years().length - 1;
        for (BoneForecast.Arm arm : r.arms()) {
            rows.add(List.of(arm.name(), pct(arm.typical()[0]), pct(arm.typical()[last]),
                    signed(arm.typical()[last] - arm.typical()[0]),
                    pct(arm.bands()[0][last]) + " – " + pct(arm.bands()[4][last])));
        }
        page.table(List.of("arm", "BMD at year " + number(s.startYear()) + " (%)", "BMD at year " + number(s.startYear() + s.years())
                + " (%)", "change (percentage points)", "5–95% of the women at the end (%)"), rows);
        if (r.gain().length > 0) {
            double[] d = r.endGain();
            page.paragraph(String.format(Locale.ROOT, "Supplementation minus none at year %s, the same virtual women in both arms: "
                    + "median %s percentage points (5–95%%: %s to %s).", number(s.startYear() + s.years()), signed(d[2]), signed(d[0]),
                    signed(d[4])));
        }
        page.heading("How her gut set the model");
        List<List<String>> mapping = new ArrayList<>();
        mapping.add(List.of("butyrate-producer proxy", String.format(Locale.ROOT, "%.2f%% of reads (healthy median %.2f%%)",
                in.butyrate(), in.butyrateHealthy()), String.format(Locale.ROOT, "F_set = %.2f", in.fSet()),
                "guild set point: her proxy ÷ the healthy median, clamped to " + number(GutInputs.F_MIN) + "–" + number(GutInputs.F_MAX)));
        mapping.add(List.of("Lactobacillus", String.format(Locale.ROOT, "%.2f%% of reads (healthy median %.2f%%)", in.lactobacillus(),
                in.lactobacillusHealthy()), String.format(Locale.ROOT, "L_res = %.2f", in.lRes()),
                "resident load: percentage points above the healthy median, 1 point = the load of 10⁹ CFU/day (assumed scale)"));
        page.table(List.of("index", "her value", "model input", "rule (docs/forecast.md)"), mapping);
        for (String note : in.notes()) {
            page.paragraph("Note: " + note);
        }
        int failed = r.arms().stream().mapToInt(a -> a.failures().size()).sum();
        if (failed > 0) {
            page.paragraph("Warning: " + failed + " virtual-population run(s) stopped with a reason and are left out of the bands; "
                    + "first: " + r.arms().stream().flatMap(a -> a.failures().stream()).findFirst().orElse(""));
        }
    }

    private static String caption(BoneForecast.Result r) {
        BoneForecast.Settings s = r.settings();
        return "Lumbar-spine BMD (% of its value at " + (s.menopause() == BoneForecast.Menopause.NATURAL ? "the final menstrual period"
                : "surgical menopause") + ") from year " + number(s.startYear()) + " after menopause, when the sample was taken, to year "
                + number(s.startYear() + s.years()) + ". Solid lines: the model's nominal woman with her gut inputs; shaded: the middle "
                + "half (25th–75th percentile) of " + s.population() + " virtual women with her gut inputs and the between-woman "
                + "spread of the human preset (seed " + s.seed() + "); dashed: the same woman with a healthy-reference gut. Model gut-bone-axis, human "
                + "preset, " + s.menopause().name().toLowerCase(Locale.ROOT) + " menopause.";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }
}
