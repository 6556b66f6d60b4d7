package org.osteobiome.core;

/** Sample quantiles. */
public final class Quantiles {
    private Quantiles() {
    }

    /** Linear interpolation between order statistics of sorted values (type 7, R's default). */
    public static double of(double[] sorted, double p) {
        double h = position(sorted.length, p);
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return interpolate(sorted[lo], sorted[hi], h - lo);
    }

    /**
     * Type 7 for values that are not held in one array: the quantile from the order statistics at {@code floor(h)} and
     * {@code min(n − 1, floor(h) + 1)}, where {@code h = position(n, p)}; the same number {@link #of} gives.
     */
    public static double position(long n, double p) {
        return (n - 1) * p;
    }

    /** The value {@code fraction} of the way from {@code lower} to {@code upper}, as {@link #of} computes it. */
    public static double interpolate(double lower, double upper, double fraction) {
        return lower + fraction * (upper - lower);
    }
}
