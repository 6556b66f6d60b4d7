package org.osteobiome.core;

/** Sample quantiles. */
public final class Quantiles {
    private Quantiles() {
    }

    /** Linear interpolation between order statistics of sorted values (type 7, R's default). */
    public static double of(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
