package org.osteobiome.core;

import java.util.Locale;

/**
 * Refuses work whose memory estimate cannot fit this JVM's heap, before it allocates, so that a user meets a
 * one-line reason with the estimate and a way forward instead of an {@link OutOfMemoryError} minutes later.
 */
public final class MemoryBudget {
    /** Share of the heap one structure may take; the rest is for the program around it. */
    private static final double USABLE_SHARE = 0.8;

    private MemoryBudget() {
    }

    /** Bytes this JVM may allocate at most (its -Xmx). */
    public static long heapLimit() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses when {@code bytes} (an estimate, possibly huge or overflowed to a negative or infinite value) does
     * not fit the usable share of the heap.
     *
     * @param what   what needs the memory ("a 2,000,000,000 × 10 table")
     * @param advice how to proceed ("generate fewer samples")
     */
    public static void require(double bytes, String what, String advice) {
        double limit = USABLE_SHARE * heapLimit();
        if (!(bytes >= 0) || bytes > limit) {
            throw OsteobiomeException.invalid(what + " needs about " + human(bytes) + " of memory, more than this JVM can use ("
                    + human(heapLimit()) + " heap); " + advice + ", or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx…)");
        }
    }

    /** A byte count as "3.2 GB". */
    public static String human(double bytes) {
        if (!(bytes >= 0) || Double.isInfinite(bytes)) {
            return "more than any machine has";
        }
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f bytes", bytes) : String.format(Locale.ROOT, "%.1f %s", bytes, units[u]);
    }
}
