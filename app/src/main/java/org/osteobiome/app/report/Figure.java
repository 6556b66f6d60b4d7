package org.osteobiome.app.report;

import java.util.List;

/**
 * A figure of stacked panels sharing one x axis, independent of the charting library.
 *
 * @param title  shown above the first panel
 * @param xLabel x-axis label with unit
 * @param panels  top to bottom
 * @param caption printed under the figure: what its lines, points and bands are and where they come from
 */
public record Figure(String title, String xLabel, List<Panel> panels, String caption) {

    public Figure {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        if (caption == null || caption.isBlank()) {
            throw new IllegalArgumentException("a figure needs a caption");
        }
    }

    /** The same figure with another caption. */
    public Figure withCaption(String text) {
        return new Figure(title, xLabel, panels, text);
    }

    /**
     * One panel: lines (model output), points with optional error bars (data) and shaded bands (drawn first).
     *
     * @param yLabel y-axis label with unit
     */
    public record Panel(String yLabel, List<Line> lines, List<Points> points, List<Band> bands) {
        public Panel {
            lines = List.copyOf(lines);
            points = List.copyOf(points);
            bands = List.copyOf(bands);
        }

        public Panel(String yLabel, List<Line> lines, List<Points> points) {
            this(yLabel, lines, points, List.of());
        }
    }

    /**
     * A shaded region between two curves on the same x values (e.g. a quantile band); {@code line} names the line it
     * surrounds (shaded in its colour), or is null.
     */
    public record Band(String name, double[] x, double[] lower, double[] upper, String line) {
        public Band(String name, double[] x, double[] lower, double[] upper) {
            this(name, x, lower, upper, null);
        }
    }

    /** A named curve. */
    public record Line(String name, double[] x, double[] y) {
    }

    /**
     * Named data points; {@code errors} may be null. {@code line} names the model line the data belong to (drawn in
     * its colour); null for data of their own.
     */
    public record Points(String name, double[] x, double[] y, double[] errors, String line) {
        public Points(String name, double[] x, double[] y, double[] errors) {
            this(name, x, y, errors, null);
        }
    }
}
