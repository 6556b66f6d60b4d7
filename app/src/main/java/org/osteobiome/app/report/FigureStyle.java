package org.osteobiome.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The project's one figure style: the Okabe–Ito colours (distinguishable with the common colour-vision deficiencies;
 * their yellow, too light on white, left out), and for the n-th curve a line that is thinner and differently dashed
 * than the ones before it, so a curve drawn over an identical one (two scenarios that coincide) still shows both.
 */
final class FigureStyle {
    private static final float[][] DASHES = {null, {9f, 5f}, {0.1f, 5.5f}, {11f, 4f, 2f, 4f}};
    /** Palette order: neighbours differ in lightness as well as hue (blue, vermillion, orange, green, …). */
    private static final int[] ORDER = {0, 1, 4, 2, 3, 5, 6};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    private FigureStyle() {
    }

    /** The i-th series colour. */
    static Color colour(int i) {
        return Color.decode(Svg.PALETTE.get(ORDER[i % ORDER.length]));
    }

    /** The colour at the given opacity (0–255), for shaded bands. */
    static Color tint(int i, int alpha) {
        Color c = colour(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * The i-th curve's line: solid and widest first, then dashed, dotted (round dots as wide as the first line, so
     * they show on it) and dash-dotted, the dashed ones thinner.
     */
    static BasicStroke line(int i) {
        float[] dash = DASHES[i % DASHES.length];
        if (dash == null) {
            return new BasicStroke(i == 0 ? 3.4f : 1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        boolean dots = dash[0] < 1;
        float width = dots ? 3.4f : Math.max(1.6f, 3.4f - 0.8f * i);
        return new BasicStroke(width, dots ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The i-th marker shape, so data series differ in shape as well as colour. */
    static Marker marker(int i) {
        return MARKERS[i % MARKERS.length];
    }
}
