package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.model.Observable;
import org.osteobiome.model.Trajectory;

/** Figures of trajectories: one panel per unit, so every y axis has one unit. */
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

    /** One panel per distinct unit among the trajectory's columns. */
    public static Figure of(Trajectory t, String title) {
        Map<String, List<Observable>> byUnit = new LinkedHashMap<>();
        for (Observable o : t.columns()) {
            byUnit.computeIfAbsent(o.unit(), u -> new ArrayList<>()).add(o);
        }
        double[] x = displayTime(t);
        List<Figure.Panel> panels = new ArrayList<>();
        for (Map.Entry<String, List<Observable>> group : byUnit.entrySet()) {
            List<Figure.Line> lines = new ArrayList<>();
            for (Observable o : group.getValue()) {
                lines.add(new Figure.Line(o.id(), x, t.column(o.id())));
            }
            String label = group.getValue().size() == 1
                    ? group.getValue().get(0).id() + " (" + unitText(group.getKey()) + ")"
                    : unitText(group.getKey());
            panels.add(new Figure.Panel(label, lines, List.of()));
        }
        return new Figure(title, t.timeLabel().label(), panels,
                "Model output at every output time (one panel per unit); research model output, not measurements.");
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
