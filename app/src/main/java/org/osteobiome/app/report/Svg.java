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
        double[] xr = padded(minX, maxX);
        double[] yr = padded(minY, maxY);
        int left = 60;
        int right = 150;
        int top = 15;
        int bottom = 45;
        int pw = width - left - right;
        int ph = height - top - bottom;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\">", width, height));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>",
                left, top, pw, ph));
        for (double t : ticks(xr[0], xr[1])) {
            double px = left + (t - xr[0]) / (xr[1] - xr[0]) * pw;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, top + ph, px, top + ph + 5, px,
                    top + ph + 18, tick(t)));
        }
        for (double t : ticks(yr[0], yr[1])) {
            double py = top + ph - (t - yr[0]) / (yr[1] - yr[0]) * ph;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 5, py, left, py, left - 8, py + 4, tick(t)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", left + pw / 2.0,
                height - 8, HtmlPage.escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>",
                top + ph / 2.0, HtmlPage.escape(yLabel)));
        int legendY = top + 10;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double px = left + (s.x()[i] - xr[0]) / (xr[1] - xr[0]) * pw;
                double py = top + ph - (s.y()[i] - yr[0]) / (yr[1] - yr[0]) * ph;
                b.append(s.highlight()
                        ? String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl0 -9l3 6l6 0l-5 4l2 7l-6 -4l-6 4l2 -7l-5 -4l6 0z\" "
                        + "fill=\"%s\" stroke=\"#000\"/>", px, py + 1, s.colour())
                        : String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" fill-opacity=\"0.55\"/>",
                        px, py, s.colour()));
            }
            b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    left + pw + 15, legendY, s.colour(), left + pw + 25, legendY + 4, HtmlPage.escape(s.name())));
            legendY += 18;
        }
        return b.append("</svg>").toString();
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
