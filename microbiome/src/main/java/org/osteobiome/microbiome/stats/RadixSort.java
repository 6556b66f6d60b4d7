package org.osteobiome.microbiome.stats;

/** A stable least-significant-digit radix sort of signed 64-bit keys that carries an int payload with each key. */
final class RadixSort {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private RadixSort() {
    }

    /** Sorts {@code keys} ascending (as signed longs) and permutes {@code payload} with them. */
    static void sort(long[] keys, int[] payload) {
        int n = keys.length;
        long[] keysIn = keys;
        int[] payloadIn = payload;
        long[] keysOut = new long[n];
        int[] payloadOut = new int[n];
        int[] count = new int[BUCKETS];
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            boolean top = shift + BITS == Long.SIZE;
            for (long k : keysIn) {
                count[digit(k, shift, top)]++;
            }
            if (count[digit(keysIn.length == 0 ? 0 : keysIn[0], shift, top)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int start = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = start;
                start += c;
            }
            for (int i = 0; i < n; i++) {
                int at = count[digit(keysIn[i], shift, top)]++;
                keysOut[at] = keysIn[i];
                payloadOut[at] = payloadIn[i];
            }
            long[] k = keysIn;
            keysIn = keysOut;
            keysOut = k;
            int[] p = payloadIn;
            payloadIn = payloadOut;
            payloadOut = p;
        }
        if (keysIn != keys) {
            System.arraycopy(keysIn, 0, keys, 0, n);
            System.arraycopy(payloadIn, 0, payload, 0, n);
        }
    }

    /** The digit at {@code shift}; in the top digit the sign bit is flipped so that negative keys come first. */
    private static int digit(long key, int shift, boolean top) {
        int d = (int) (key >>> shift) & (BUCKETS - 1);
        return top ? d ^ (BUCKETS >>> 1) : d;
    }
}
