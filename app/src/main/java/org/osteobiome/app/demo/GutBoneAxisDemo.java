package org.osteobiome.app.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.HtmlPage;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.core.Numbers;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/** The demo of {@code gut-bone-axis}: the seed article's mechanism in mice, and what it suggests for women. */
public final class GutBoneAxisDemo {
    private static final Model MODEL = ModelCatalog.get("gut-bone-axis");

    private GutBoneAxisDemo() {
    }

    public static List<DemoSection> sections() {
        return List.of(DemoSection.of("gut-bone-axis (mouse)", GutBoneAxisDemo::mouse),
                DemoSection.of("gut-bone-axis (human)", GutBoneAxisDemo::human));
    }

    private static void mouse(Path folder, HtmlPage page) {
        List<String> scenarios = List.of("sham", "ovx", "ovx-la", "ovx-la-no-butyrate", "ovx-estrogen");
        List<String> observables = List.of("bv_tv_pct", "butyrate_gut_uM", "rorgt_treg_gut_pct", "th17_bone_pct", "treg_bone_pct",
                "th17_treg_ratio_bone");
        List<List<String>> summary = compare(folder, "gut-bone-mouse", "gut-bone-axis (mouse): OVX, L. acidophilus, butyrate",
                scenarios, observables, SimulationSettings.DEFAULTS, new double[] {14, 28, 42, 56, 84});
        page.heading("gut-bone-axis: ovariectomy, L. acidophilus and butyrate (mouse)");
        page.paragraph("The seed article's mechanism in the model: after ovariectomy RORγt⁺ gut Tregs fall and marrow Th17 cells "
                + "rise, and trabecular bone is lost; L. acidophilus raises gut butyrate, restores the Treg/Th17 balance and "
                + "partly prevents the loss; with the L. acidophilus → butyrate link cut (ovx-la-no-butyrate) the protection "
                + "disappears (its lines lie on top of ovx); estrogen replacement prevents it (on top of sham). BV/TV is shown as % "
                + "of a sham mouse at the same time; bone changes in steps because remodelling runs in 14-day cycles. "
                + "Calibration and its assumptions: docs/models/gut-bone-axis.md.");
        page.figure("gut-bone-mouse.png", "Five scenarios over twelve weeks");
        page.table(header(observables), summary).link("gut-bone-mouse.tsv", "every output time: gut-bone-mouse.tsv");
    }

    private static void human(Path folder, HtmlPage page) {
        List<String> scenarios = List.of("menopause-natural", "menopause-natural-la", "menopause-natural-la-late", "menopause-surgical");
        List<String> observables = List.of("bmd_pct", "th17_bone_pct", "il17_fold");
        List<List<String>> summary = compare(folder, "gut-bone-human", "gut-bone-axis (human): menopause with and without L. acidophilus",
                scenarios, observables, SimulationSettings.DEFAULTS.withStep(91.25), new double[] {365, 1825, 3650, 7300});
        page.heading("gut-bone-axis: BMD after menopause, with and without L. acidophilus (human)");
        page.paragraph("Lumbar-spine BMD relative to menopause over 20 years: natural menopause, L. acidophilus from the final "
                + "period or from year 5, and surgical menopause. In this model the supplement's benefit on BMD is small and "
                + "transient (see the model page's limitations); it is a hypothesis to test, not a recommendation.");
        page.figure("gut-bone-human.png", "Four scenarios over 20 years");
        page.table(header(observables), summary).link("gut-bone-human.tsv", "every output time: gut-bone-human.tsv");
    }

    private static List<String> header(List<String> observables) {
        List<String> header = new ArrayList<>(List.of("scenario", "day"));
        header.addAll(observables);
        return header;
    }

    /** Runs the scenarios, writes their figure and full table; returns the rows at the summary times. */
    private static List<List<String>> compare(Path folder, String name, String title, List<String> scenarios, List<String> observables,
                                              SimulationSettings settings, double[] summaryTimes) {
        List<Trajectory> runs = new ArrayList<>();
        for (String s : scenarios) {
            runs.add(MODEL.simulate(MODEL.defaults().with("scenario", s), settings).select(observables));
        }
        FigureWriter.write(TrajectoryFigures.comparison(title, scenarios, runs),
                folder.resolve(name + ".png"));
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Trajectory t = runs.get(i);
            for (int r = 0; r < t.rows(); r++) {
                all.add(row(scenarios.get(i), t, r, observables));
            }
            for (double day : summaryTimes) {
                summary.add(row(scenarios.get(i), t, java.util.Arrays.binarySearch(t.time(), day), observables));
            }
        }
        DemoFiles.tsv(folder.resolve(name + ".tsv"), header(observables), all);
        return summary;
    }

    private static List<String> row(String scenario, Trajectory t, int r, List<String> observables) {
        List<String> row = new ArrayList<>(List.of(scenario, Numbers.format(t.time()[r])));
        for (String o : observables) {
            row.add(Numbers.format(Math.round(t.values()[r][t.indexOf(o)] * 1e4) / 1e4));
        }
        return row;
    }
}
