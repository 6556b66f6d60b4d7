package org.osteobiome.spark;

/**
 * Doubles as longs whose signed order is the order {@link java.util.Arrays#sort(double[])} gives (−0.0 before 0.0, NaN
 * last), so that order statistics can be searched for by bisection over a range of whole numbers.
 */
final class SortableKeys {
    private SortableKeys() {
    }

    static long key(double x) {
        long bits = Double.doubleToLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * {@code count} ascending probes that cut {@code lo … hi} into {@code count + 1} parts, written at {@code out[at …]}: evenly
     * spaced when the interval is wide, every key from {@code lo} when it is narrow (repeating {@code hi} at the end). The
     * width is taken unsigned, so any interval of longs works.
     */
    static void probes(long lo, long hi, long[] out, int at, int count) {
        long step = Long.divideUnsigned(hi - lo, count + 1);
        for (int j = 0; j < count; j++) {
            long probe = step == 0 ? lo + j : lo + step * (j + 1);
            out[at + j] = Long.compareUnsigned(probe - lo, hi - lo) > 0 ? hi : probe;
        }
    }

    /** How many of the ascending {@code keys} are at most {@code bound}. */
    static int countAtMost(long[] keys, long bound) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
