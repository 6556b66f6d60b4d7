package org.osteobiome.app.report;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for self-contained HTML reports (no scripts, no external files): a scatter plot with
 * labelled axes, a percentile bar and a probability scale. Colours are from the Okabe–Ito palette, which stays
 * distinguishable for colour-blind readers.
 */
public final class Svg {
    private Svg() {
    }

    /** Okabe–Ito colours. */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    /** A group of points of one colour. */
    public record Series(String name, double[] x, double[] y, String colour, boolean highlight) {
    }

    /** A scatter plot with axes, ticks, labels and a legend. */
    public static String scatter(String xLabel, String yLabel, List<Series> series, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                minX = Math.min(minX, s.x()[i]);
                maxX = Math.max(maxX, s.x()[i]);
                minY = Math.min(minY, s.y()[i]);
                maxY = Math.max(maxY, s.y()[i]);
            }
        }
        Frame f = new Frame(60, 15, width - 60 - 150, height - 15 - 45, padded(minX, maxX), padded(minY, maxY));
        StringBuilder b = chart(f, xLabel, yLabel, width, height);
        int legendY = f.top() + 10;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double px = f.px(s.x()[i]);
                double py = f.py(s.y()[i]);
                b.append(s.highlight()
                        ? String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl0 -9l3 6l6 0l-5 4l2 7l-6 -4l-6 4l2 -7l-5 -4l6 0z\" "
                        + "fill=\"%s\" stroke=\"#000\"/>", px, py + 1, s.colour())
                        : String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" fill-opacity=\"0.55\"/>",
                        px, py, s.colour()));
            }
            b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    f.right() + 15, legendY, s.colour(), f.right() + 25, legendY + 4, HtmlPage.escape(s.name())));
            legendY += 18;
        }
        return b.append("</svg>").toString();
    }

    /** A line of a line chart; dashed lines are drawn dashed. */
    public record Line(String name, double[] x, double[] y, String colour, boolean dashed) {
    }

    /** A shaded band between two curves (e.g. the 5th and 95th percentiles of a population). */
    public record Band(String name, double[] x, double[] lower, double[] upper, String colour) {
    }

    /** A line chart with shaded bands under the lines, axes, ticks, labels and a legend. */
    public static String lines(String xLabel, String yLabel, List<Band> bands, List<Line> lines, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Band b : bands) {
            for (int i = 0; i < b.x().length; i++) {
                minX = Math.min(minX, b.x()[i]);
                maxX = Math.max(maxX, b.x()[i]);
                minY = Math.min(minY, b.lower()[i]);
                maxY = Math.max(maxY, b.upper()[i]);
            }
        }
        for (Line l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                minX = Math.min(minX, l.x()[i]);
                maxX = Math.max(maxX, l.x()[i]);
                minY = Math.min(minY, l.y()[i]);
                maxY = Math.max(maxY, l.y()[i]);
            }
        }
        double[] xr = {minX, maxX > minX ? maxX : minX + 1};
        double[] yr = padded(minY, maxY);
        Frame f = new Frame(60, 15, width - 60 - 250, height - 15 - 45, xr, yr);
        StringBuilder b = chart(f, xLabel, yLabel, width, height);
        int legendY = f.top() + 10;
        for (Band band : bands) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < band.x().length; i++) {
                path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", f.px(band.x()[i]), f.py(band.upper()[i])));
            }
            for (int i = band.x().length - 1; i >= 0; i--) {
                path.append(String.format(Locale.ROOT, "L%.1f %.1f ", f.px(band.x()[i]), f.py(band.lower()[i])));
            }
            b.append(String.format(Locale.ROOT, "<path d=\"%sZ\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"none\"/>", path,
                    band.colour()));
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\" fill-opacity=\"0.3\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", f.right() + 12, legendY - 5, band.colour(), f.right() + 32, legendY + 4,
                    HtmlPage.escape(band.name())));
            legendY += 18;
        }
        for (Line l : lines) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < l.x().length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(l.x()[i]), f.py(l.y()[i])));
            }
            String dash = l.dashed() ? " stroke-dasharray=\"6,4\"" : "";
            b.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\"%s/>",
                    points.toString().trim(), l.colour(), dash));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.2\"%s/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", f.right() + 10, legendY, f.right() + 28, legendY, l.colour(), dash,
                    f.right() + 32, legendY + 4, HtmlPage.escape(l.name())));
            legendY += 18;
        }
        return b.append("</svg>").toString();
    }

    /** The plotting area and its data ranges. */
    private record Frame(int left, int top, int width, int height, double[] xr, double[] yr) {
        int right() {
            return left + width;
        }

        double px(double x) {
            return left + (x - xr[0]) / (xr[1] - xr[0]) * width;
        }

        double py(double y) {
            return top + height - (y - yr[0]) / (yr[1] - yr[0]) * height;
        }
    }

    /** An SVG element with the frame's axes, ticks and labels drawn. */
    private static StringBuilder chart(Frame f, String xLabel, String yLabel, int width, int svgHeight) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">", width, svgHeight));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>",
                f.left(), f.top(), f.width(), f.height()));
        int bottom = f.top() + f.height();
        for (double t : ticks(f.xr()[0], f.xr()[1])) {
            double px = f.px(t);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, bottom, px, bottom + 5, px, bottom + 18, tick(t)));
        }
        for (double t : ticks(f.yr()[0], f.yr()[1])) {
            double py = f.py(t);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", f.left() - 5, py, f.left(), py, f.left() - 8, py + 4,
                    tick(t)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", f.left() + f.width() / 2.0,
                svgHeight - 8, HtmlPage.escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>",
                f.top() + f.height() / 2.0, HtmlPage.escape(yLabel)));
        return b;
    }

    /**
     * A 0–100 percentile bar: the healthy reference's interquartile range shaded, its median a line, her percentile a
     * marker.
     */
    public static String percentileBar(double percentile, int width) {
        int h = 22;
        double x = 5 + percentile / 100 * (width - 10);
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"percentile %.0f\"><rect x=\"5\" y=\"8\" width=\"%d\" height=\"6\" fill=\"#e6e6e6\"/>"
                        + "<rect x=\"%.1f\" y=\"6\" width=\"%.1f\" height=\"10\" fill=\"#9ecae1\"/>"
                        + "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"18\" stroke=\"#333\"/>"
                        + "<circle cx=\"%.1f\" cy=\"11\" r=\"5\" fill=\"#D55E00\" stroke=\"#000\"/></svg>",
                width, h, percentile, width - 10, 5 + 0.25 * (width - 10), 0.5 * (width - 10), 5 + 0.5 * (width - 10),
                5 + 0.5 * (width - 10), x);
    }

    /** A 0–1 probability scale with a point estimate, its interval and a reference mark. */
    public static String probabilityScale(double p, double lower, double upper, double reference, String referenceLabel, int width) {
        int left = 10;
        int pw = width - 20;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"62\" font-family=\"sans-serif\" font-size=\"11\" "
                        + "role=\"img\"><line x1=\"%d\" y1=\"25\" x2=\"%d\" y2=\"25\" stroke=\"#888\"/>", width, left, left + pw));
        for (int i = 0; i <= 10; i++) {
            double x = left + i / 10.0 * pw;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"25\" x2=\"%.1f\" y2=\"30\" stroke=\"#888\"/>", x, x));
            if (i % 2 == 0) {
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"42\" text-anchor=\"middle\">%.1f</text>", x, i / 10.0));
            }
        }
        double r = left + reference * pw;
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"12\" x2=\"%.1f\" y2=\"32\" stroke=\"#009E73\" stroke-dasharray=\"3,2\"/>"
                + "<text x=\"%.1f\" y=\"10\" text-anchor=\"middle\" fill=\"#009E73\">%s</text>", r, r, r, HtmlPage.escape(referenceLabel)));
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"25\" x2=\"%.1f\" y2=\"25\" stroke=\"#D55E00\" stroke-width=\"5\"/>"
                + "<circle cx=\"%.1f\" cy=\"25\" r=\"6\" fill=\"#D55E00\" stroke=\"#000\"/>"
                + "<text x=\"%.1f\" y=\"57\" text-anchor=\"middle\">at-risk probability (0–1)</text></svg>",
                left + lower * pw, left + upper * pw, left + p * pw, left + pw / 2.0));
        return b.toString();
    }

    private static double[] padded(double lo, double hi) {
        if (!(hi > lo)) {
            return new double[] {lo - 1, hi + 1};
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /** Round-number ticks, about five. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude >= 5 ? 5 : raw / magnitude >= 2 ? 2 : 1);
        double first = Math.ceil(lo / step) * step;
        int count = (int) Math.floor((hi - first) / step) + 1;
        double[] out = new double[Math.max(0, count)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    private static String tick(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
