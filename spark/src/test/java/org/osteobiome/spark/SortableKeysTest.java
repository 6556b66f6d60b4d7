package org.osteobiome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The keys sort as {@link Arrays#sort(double[])} sorts, and turn back into the same doubles. */
class SortableKeysTest {
    private static final double[] EDGES = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0,
        Double.MIN_VALUE, Double.MIN_NORMAL, 1, 1 + Math.ulp(1.0), Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};

    @Test
    void keysOrderDoublesAsArraysSortDoes() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < EDGES.length ? EDGES[i] : random.nextBoolean() ? random.nextGaussian() * 1e3
                    : Double.longBitsToDouble(random.nextLong());
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        long[] keys = Arrays.stream(values).mapToLong(SortableKeys::key).sorted().toArray();
        for (int i = 0; i < sorted.length; i++) {
            assertThat(Double.doubleToLongBits(SortableKeys.value(keys[i]))).as("position %d", i)
                    .isEqualTo(Double.doubleToLongBits(sorted[i]));
        }
    }

    @Test
    void probesCutAnyIntervalIntoParts() {
        long[][] intervals = {{Long.MIN_VALUE, Long.MAX_VALUE}, {Long.MAX_VALUE - 1, Long.MAX_VALUE}, {-3, -3}, {-7, 8}, {5, 20},
            {Long.MIN_VALUE, Long.MIN_VALUE + 100}, {-1L << 62, 1L << 62}};
        for (long[] interval : intervals) {
            long lo = interval[0];
            long hi = interval[1];
            long[] probes = new long[17];
            SortableKeys.probes(lo, hi, probes, 2, 15);
            for (int j = 2; j < 17; j++) {
                assertThat(probes[j]).as("interval %d … %d, probe %d", lo, hi, j).isBetween(lo, hi);
                if (j > 2) {
                    assertThat(probes[j]).isGreaterThanOrEqualTo(probes[j - 1]);
                }
            }
            // the part above the last probe is a sixteenth of the interval, rounded down, plus the remainder (< 16 keys)
            long step = Long.divideUnsigned(hi - lo, 16);
            assertThat(hi - probes[16]).isEqualTo(step == 0 ? Math.max(0, hi - lo - 14) : step + Long.remainderUnsigned(hi - lo, 16));
            if (Long.compareUnsigned(hi - lo, 15) <= 0) {
                assertThat(probes[2]).isEqualTo(lo);
            }
        }
        long[] keys = {-5, -5, 0, 2, 2, 2, 9};
        assertThat(SortableKeys.countAtMost(keys, -6)).isZero();
        assertThat(SortableKeys.countAtMost(keys, -5)).isEqualTo(2);
        assertThat(SortableKeys.countAtMost(keys, 2)).isEqualTo(6);
        assertThat(SortableKeys.countAtMost(keys, Long.MAX_VALUE)).isEqualTo(7);
    }
}
