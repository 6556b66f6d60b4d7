package org.osteobiome.app.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.HtmlPage;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.data.MeasurementTable;

/** The demo of the five published models. */
public final class PublishedModelsDemo {
    private PublishedModelsDemo() {
    }

    public static List<DemoSection> sections() {
        return List.of(
                DemoSection.of("islam2021-butyrate", PublishedModelsDemo::islam),
                DemoSection.of("cook2022-wnt10b", PublishedModelsDemo::cook),
                DemoSection.of("nelson2026-menopause", PublishedModelsDemo::nelson),
                DemoSection.of("komarova2003", PublishedModelsDemo::komarova),
                DemoSection.of("lemaire2004", PublishedModelsDemo::lemaire));
    }

    private static String f(double v) {
        return Numbers.format(Math.round(v * 1e4) / 1e4);
    }

    private static void islam(Path folder, HtmlPage page) {
        Model model = ModelCatalog.get("islam2021-butyrate");
        List<Figure.Line> bone = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        double control = Double.NaN;
        Trajectory case2 = null;
        for (int c = 1; c <= 9; c++) {
            Trajectory t = model.simulate(model.defaults().with("case", c), SimulationSettings.DEFAULTS);
            bone.add(new Figure.Line("case " + c, t.time(), t.column("bone_volume_pct")));
            double bv = t.last("bone_volume_pct");
            if (c == 1) {
                control = bv;
            }
            if (c == 2) {
                case2 = t;
            }
            rows.add(List.of(String.valueOf(c), f(bv), f(bv - control), f(t.last("treg_bone_pct")), f(t.last("tgf_beta_fold")),
                    f(t.last("wnt10b_fold"))));
        }
        List<String> header = List.of("case", "bone_volume_pct_day28", "vs_case1_pct_points", "treg_bone_pct_day28",
                "tgf_beta_fold_day28", "wnt10b_fold_day28");
        DemoFiles.tsv(folder.resolve("islam2021-cases.tsv"), header, rows);
        FigureWriter.write(new Figure("islam2021-butyrate: 28 days of butyrate (0.18 µM), cases 1–9", "time (days)", List.of(
                new Figure.Panel("bone volume (%)", bone, List.of()),
                new Figure.Panel("fold change, case 2 (dimensionless)", List.of(
                        new Figure.Line("tgf_beta_fold", case2.time(), case2.column("tgf_beta_fold")),
                        new Figure.Line("wnt10b_fold", case2.time(), case2.column("wnt10b_fold"))), List.of())),
                "Islam et al. 2021's nine butyrate cases (their Table 2) re-run for 28 days: bone volume for each case, and for"
                        + " case 2 the TGF-β and Wnt-10b fold changes through which butyrate acts on bone."),
                folder.resolve("islam2021-cases.png"));

        double[] doses = {-0.11, -0.05, 0, 0.05, 0.1, 0.15, 0.18, 0.2, 0.25};
        double[] tregBone = new double[doses.length];
        double[] tgf = new double[doses.length];
        for (int i = 0; i < doses.length; i++) {
            Trajectory t = model.simulate(model.defaults().with("dose_uM", doses[i]).with("handoff", "continuous"),
                    SimulationSettings.DEFAULTS.withOutputTimes(new double[] {28, 100}));
            tregBone[i] = t.at(100, "treg_bone_pct");
            tgf[i] = t.at(28, "tgf_beta_fold");
        }
        FigureWriter.write(new Figure("islam2021-butyrate: dose response (continuous run)", "gut butyrate change d (µM)", List.of(
                new Figure.Panel("bone Tregs at day 100 (%)", List.of(new Figure.Line("treg_bone_pct", doses, tregBone)), List.of()),
                new Figure.Panel("TGF-β at day 28 (fold, dimensionless)", List.of(new Figure.Line("tgf_beta_fold", doses, tgf)),
                        List.of())),
                "One continuous run per gut butyrate change d: bone Tregs at day 100 and TGF-β at day 28 against the dose;"
                        + " above about 0.25 µM the model meets the TGF-β pole of its published equations and stops."),
                folder.resolve("islam2021-dose.png"));

        List<DataComparison.Pair> targets = DataComparison.compare(model, model.defaults(),
                MeasurementTable.resource("islam2021-targets.tsv").measurements());
        page.heading("Islam et al. 2021: butyrate, Tregs, TGF-β, Wnt-10b and bone (mouse)");
        page.paragraph("All nine cases with the calibration dose of 0.18 µM for two 14-day cycles (case 1 is the no-butyrate "
                + "control). Each direct effect was fitted to the same bone volume after 2 cycles, so cases 3–9 end close together.");
        page.figure("islam2021-cases.png", "Bone volume and (case 2) TGF-β and Wnt-10b over 28 days");
        page.table(header, rows).link("islam2021-cases.tsv", "islam2021-cases.tsv");
        page.figure("islam2021-dose.png", "Bone Treg % and TGF-β against the gut butyrate dose; the TGF-β term has a pole near 0.296 µM");
        List<String> doseHeader = List.of("dose_uM", "treg_bone_pct_day100", "tgf_beta_fold_day28");
        List<List<String>> doseRows = new ArrayList<>();
        for (int i = 0; i < doses.length; i++) {
            doseRows.add(List.of(f(doses[i]), f(tregBone[i]), f(tgf[i])));
        }
        DemoFiles.tsv(folder.resolve("islam2021-dose.tsv"), doseHeader, doseRows);
        page.table(doseHeader, doseRows).link("islam2021-dose.tsv", "islam2021-dose.tsv");
        page.paragraph("The targets the model was built on (Tyagi et al. 2018 via the original code):");
        page.table(List.of("observable", "condition", "day", "target", "model"), targets.stream()
                .map(p -> List.of(p.measurement().observable(), condition(p.measurement()), f(p.measurement().time()),
                        f(p.measurement().value()), f(p.predicted()))).toList());
    }

    private static void cook(Path folder, HtmlPage page) {
        Model model = ModelCatalog.get("cook2022-wnt10b");
        List<Measurement> data = MeasurementTable.resource("cook2022-bennett.tsv").measurements();
        List<Figure.Line> lines = new ArrayList<>();
        for (double x : new double[] {-1, 0, 1.8, 5, 50}) {
            Trajectory t = model.simulate(model.defaults().with("wnt_fold", x).with("cycles", 12), SimulationSettings.DEFAULTS);
            lines.add(new Figure.Line("wnt_fold " + Numbers.format(x), t.time(), t.column("bv_change_pct")));
        }
        List<Figure.Points> points = new ArrayList<>();
        for (Measurement m : data) {
            points.add(new Figure.Points(m.source().split(",")[0] + ": x=" + m.condition().get("wnt_fold") + ", day "
                    + Numbers.format(m.time()) + " (" + m.use() + ")",
                    new double[] {m.time()}, new double[] {m.value()}, new double[] {m.noiseSd()},
                    "wnt_fold " + Numbers.format(Double.parseDouble(m.condition().get("wnt_fold")))));
        }
        FigureWriter.write(new Figure("cook2022-wnt10b: BV/TV change for constant Wnt-10b fold changes", "time (days)",
                List.of(new Figure.Panel("change in BV/TV (%)", lines, points)),
                "Lines: cook2022-wnt10b for constant Wnt-10b fold changes over twelve 100-day remodelling cycles; points:"
                        + " Bennett et al. mice (mean ± SD), fitted to (fit) or held out (validation), in their fold change's colour."),
                folder.resolve("cook2022-wnt10b.png"));
        List<DataComparison.Pair> pairs = DataComparison.compare(model, model.defaults(), data);
        List<List<String>> rows = pairs.stream().map(p -> List.of(condition(p.measurement()), f(p.measurement().value()),
                f(p.measurement().noiseSd()), f(p.predicted()), f(p.zScore()), p.measurement().use(), p.measurement().source())).toList();
        List<String> header = List.of("condition", "measured_pct", "sd", "model_pct", "z", "use", "source");
        DemoFiles.tsv(folder.resolve("cook2022-vs-data.tsv"), header, rows);
        page.heading("Cook et al. 2022: Wnt-10b and bone volume (mouse)");
        page.paragraph("Change in trabecular BV/TV over 100-day remodelling cycles for knock-out (−1), normal (0) and raised "
                + "Wnt-10b, with the Bennett et al. data the model was fitted to and its validation points.");
        page.figure("cook2022-wnt10b.png", "Model lines and data (mean ± SD)");
        page.table(header, rows).link("cook2022-vs-data.tsv", "cook2022-vs-data.tsv");
    }

    private static void nelson(Path folder, HtmlPage page) {
        Model model = ModelCatalog.get("nelson2026-menopause");
        List<Measurement> data = MeasurementTable.resource("nelson2026-bmd.tsv").measurements();
        List<Figure.Line> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        SimulationSettings window = SimulationSettings.DEFAULTS.withStartTime(-5 * 365).withEndTime(30 * 365).withStep(30);
        for (String variant : List.of("natural", "surgical", "surgical-long", "surgical-short")) {
            ParameterSet p = model.defaults().with("variant", variant);
            Trajectory t = model.simulate(p, window);
            lines.add(new Figure.Line(variant, TrajectoryFigures.displayTime(t), t.column("bmd_pct")));
            String menopause = variant.startsWith("natural") ? "variant=natural" : "variant=surgical";
            List<Measurement> matching = data.stream()
                    .filter(m -> m.condition().equals(Map.of("variant", menopause.substring("variant=".length())))).toList();
            List<DataComparison.Pair> pairs = DataComparison.compare(model, p,
                    matching.stream().map(m -> new Measurement(m.observable(), Map.of(), m.time(), m.value(), m.noiseSd(),
                            m.source(), m.use())).toList());
            Trajectory years = model.simulate(p, SimulationSettings.DEFAULTS.withOutputTimes(new double[] {365, 3650}));
            rows.add(List.of(variant, menopause.substring("variant=".length()), String.valueOf(pairs.size()),
                    f(DataComparison.rootMeanSquare(pairs)), f(years.at(365, "bmd_pct")), f(years.at(3650, "bmd_pct"))));
        }
        List<Figure.Points> points = new ArrayList<>();
        for (String kind : List.of("natural", "surgical")) {
            List<Measurement> ms = data.stream().filter(m -> m.condition().get("variant").equals(kind)).toList();
            points.add(new Figure.Points("data, " + kind, ms.stream().mapToDouble(m -> m.time() / 365).toArray(),
                    ms.stream().mapToDouble(Measurement::value).toArray(), ms.stream().mapToDouble(Measurement::noiseSd).toArray(),
                    lines.stream().map(Figure.Line::name).filter(kind::equals).findFirst().orElse(null)));
        }
        FigureWriter.write(new Figure("nelson2026-menopause: BMD after natural and surgical menopause", "time since menopause (years)",
                List.of(new Figure.Panel("lumbar-spine BMD (% of onset)", lines, points)),
                "Lines: nelson2026-menopause for each published variant; points: the study data the paper fitted (mean ± SD),"
                        + " in their variant's colour."), folder.resolve("nelson2026-menopause.png"));
        List<String> header = List.of("variant", "data", "points", "rms_residual_pct", "bmd_pct_year1", "bmd_pct_year10");
        DemoFiles.tsv(folder.resolve("nelson2026-vs-data.tsv"), header, rows);
        page.heading("Nelson et al. 2026: BMD in natural and surgical menopause (human)");
        page.paragraph("Lumbar-spine BMD relative to its value at menopause for the refitted natural model, surgical menopause "
                + "without and with the post-surgical effects (long and short fits), against the studies they were fitted to.");
        page.figure("nelson2026-menopause.png", "Model lines and data (mean ± SD)");
        page.table(header, rows).link("nelson2026-vs-data.tsv", "nelson2026-vs-data.tsv");
    }

    private static void komarova(Path folder, HtmlPage page) {
        Model model = ModelCatalog.get("komarova2003");
        Trajectory t = model.simulate(model.defaults(), SimulationSettings.DEFAULTS);
        FigureWriter.write(TrajectoryFigures.of(t, "komarova2003: one remodelling cycle"), folder.resolve("komarova2003.png"));
        page.heading("Komarova et al. 2003: one remodelling cycle");
        page.paragraph("Ten extra osteoclasts at t = 0 start a short resorption phase followed by a long formation phase; "
                + "bone mass ends near, not exactly at, 100 % (" + f(t.last("bone_mass_pct")) + " % at day "
                + Numbers.format(t.time()[t.rows() - 1]) + ").");
        page.figure("komarova2003.png", "Osteoclasts, osteoblasts and bone mass");
        List<String> header = new ArrayList<>(List.of("day"));
        header.addAll(t.names());
        List<List<String>> all = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            List<String> row = new ArrayList<>(List.of(Numbers.format(t.time()[r])));
            for (String name : t.names()) {
                row.add(f(t.column(name)[r]));
            }
            all.add(row);
            if (r % Math.max(1, (t.rows() - 1) / 10) == 0 || r == t.rows() - 1) {
                shown.add(row);
            }
        }
        DemoFiles.tsv(folder.resolve("komarova2003.tsv"), header, all);
        page.table(header, shown).link("komarova2003.tsv", "every output time: komarova2003.tsv");
    }

    private static void lemaire(Path folder, HtmlPage page) {
        Model model = ModelCatalog.get("lemaire2004");
        List<Figure.Line> clasts = new ArrayList<>();
        List<Figure.Line> blasts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        double injectionEnd = 80;
        for (int c = 0; c <= 9; c++) {
            Trajectory t;
            try {
                t = model.simulate(model.defaults().with("load_case", c), SimulationSettings.DEFAULTS);
            } catch (OsteobiomeException e) {
                failures.add("case " + c + ": " + e.getMessage());
                notDrawn.add("case " + c);
                continue;
            }
            String name = c == 0 ? "no injection" : "case " + c;
            clasts.add(new Figure.Line(name, t.time(), t.column("OCa")));
            blasts.add(new Figure.Line(name, t.time(), t.column("OBa")));
            for (int r = 0; r < t.rows(); r++) {
                all.add(List.of(name, Numbers.format(t.time()[r]), f(t.column("OCa")[r]), f(t.column("OBa")[r])));
            }
            shown.add(List.of(name, Numbers.format(injectionEnd), f(t.at(injectionEnd, "OCa")), f(t.at(injectionEnd, "OBa"))));
        }
        FigureWriter.write(new Figure("lemaire2004: injections from day 20 to day 80", "time (days)", List.of(
                new Figure.Panel("active osteoclasts OCa (pM)", clasts, List.of()),
                new Figure.Panel("active osteoblasts OBa (pM)", blasts, List.of())),
                "Lemaire et al. 2004's injection experiments: active osteoclasts and osteoblasts, one line per case, with the"
                        + " injection running from day 20 to day 80." + (failures.isEmpty() ? "" : " Not drawn: "
                        + String.join("; ", notDrawn)
                        + " (the model stops; the page says why).")), folder.resolve("lemaire2004.png"));
        page.heading("Lemaire et al. 2004: injection experiments");
        page.paragraph("Cases 1–9: 1 I_B=1e-4, 2 I_B=−8.3e-5, 3 PTH 1e3, 4 I_C=1e-4, 5 I_C=−2.9e-4, 6 OPG 2e5, 7 I_R=1e-4, "
                + "8 I_R=−1.2e-3, 9 RANKL 10 (pM/day), each from day 20 to day 80.");
        page.figure("lemaire2004.png", "Active osteoclasts and osteoblasts");
        List<String> header = List.of("case", "day", "OCa_pM", "OBa_pM");
        DemoFiles.tsv(folder.resolve("lemaire2004.tsv"), header, all);
        page.paragraph("At day 80, the end of the injection:");
        page.table(header, shown).link("lemaire2004.tsv", "every output time: lemaire2004.tsv");
        for (String failure : failures) {
            page.paragraph("Not drawn, " + failure);
        }
    }

    private static String condition(Measurement m) {
        return m.condition().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .reduce((a, b) -> a + ";" + b).orElse("");
    }
}
