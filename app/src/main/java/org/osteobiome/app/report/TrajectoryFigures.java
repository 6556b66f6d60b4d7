package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.model.Observable;
import org.osteobiome.model.Trajectory;

/**
 * Figures of trajectories: one panel per unit, so every y axis has one unit; within a unit, series more than
 * {@link #SCALE_GAP} times smaller than the panel's largest get a panel of their own, so that they are not drawn as a
 * flat line at zero.
 */
public final class TrajectoryFigures {
    private TrajectoryFigures() {
    }

    /** Time values of a trajectory in its display unit (e.g. years). */
    public static double[] displayTime(Trajectory t) {
        double[] x = t.time().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] /= t.timeLabel().daysPerUnit();
        }
        return x;
    }

    /** Series of one unit whose largest magnitudes differ by more than this share a panel no longer. */
    static final double SCALE_GAP = 10;

    /** One panel per distinct unit among the trajectory's columns (and per scale within a unit). */
    public static Figure of(Trajectory t, String title) {
        Map<String, List<Observable>> byUnit = new LinkedHashMap<>();
        for (Observable o : t.columns()) {
            byUnit.computeIfAbsent(o.unit(), u -> new ArrayList<>()).add(o);
        }
        double[] x = displayTime(t);
        List<Figure.Panel> panels = new ArrayList<>();
        boolean split = false;
        for (Map.Entry<String, List<Observable>> group : byUnit.entrySet()) {
            List<List<Observable>> scales = byScale(t, group.getValue());
            split |= scales.size() > 1;
            for (List<Observable> members : scales) {
                List<Figure.Line> lines = new ArrayList<>();
                for (Observable o : members) {
                    lines.add(new Figure.Line(o.id(), x, t.column(o.id())));
                }
                String label = members.size() == 1
                        ? members.get(0).id() + " (" + unitText(group.getKey()) + ")"
                        : unitText(group.getKey());
                panels.add(new Figure.Panel(label, lines, List.of()));
            }
        }
        return new Figure(title, t.timeLabel().label(), panels, "Model output at every output time (one panel per unit"
                + (split ? "; series more than " + (int) SCALE_GAP + "× smaller than others of their unit in a panel of their own"
                : "") + "); research model output, not measurements.");
    }

    /** The observables of one unit grouped so that, in each group, none peaks SCALE_GAP times below the largest. */
    private static List<List<Observable>> byScale(Trajectory t, List<Observable> observables) {
        Map<Observable, Double> peaks = new LinkedHashMap<>();
        for (Observable o : observables) {
            peaks.put(o, peak(t, o));
        }
        List<Observable> sorted = new ArrayList<>(observables);
        sorted.sort((a, b) -> Double.compare(peaks.get(b), peaks.get(a)));
        List<List<Observable>> groups = new ArrayList<>();
        double groupPeak = 0;
        for (Observable o : sorted) {
            double p = peaks.get(o);
            if (groups.isEmpty() || p * SCALE_GAP < groupPeak) {
                groups.add(new ArrayList<>());
                groupPeak = p;
            }
            groups.get(groups.size() - 1).add(o);
        }
        // Keep the model's own order of observables inside each panel.
        for (List<Observable> g : groups) {
            g.sort(java.util.Comparator.comparingInt(observables::indexOf));
        }
        return groups;
    }

    private static double peak(Trajectory t, Observable o) {
        double peak = 0;
        for (double v : t.column(o.id())) {
            if (Double.isFinite(v)) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return peak;
    }

    /**
     * Scenarios side by side: one panel per observable of the first run, one line per run.
     *
     * @param labels the legend entry of each run
     * @param runs   trajectories with the same columns
     */
    public static Figure comparison(String title, List<String> labels, List<Trajectory> runs) {
        Trajectory first = runs.get(0);
        List<Figure.Panel> panels = new ArrayList<>();
        for (Observable o : first.columns()) {
            List<Figure.Line> lines = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                lines.add(new Figure.Line(labels.get(i), displayTime(runs.get(i)), runs.get(i).column(o.id())));
            }
            panels.add(new Figure.Panel(o.id() + " (" + unitText(o.unit()) + ")", lines, List.of()));
        }
        return new Figure(title, first.timeLabel().label(), panels,
                "One line per scenario, the same observable in each panel; lines that coincide are drawn thinner and dashed"
                        + " over each other, so every scenario stays visible.");
    }

    /** A unit as it should read on an axis ("1" becomes "dimensionless"). */
    public static String unitText(String unit) {
        return unit.equals("1") ? "dimensionless" : unit;
    }
}
