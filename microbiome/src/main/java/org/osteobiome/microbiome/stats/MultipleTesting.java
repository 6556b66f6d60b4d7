package org.osteobiome.microbiome.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Multiple-testing corrections. */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * Benjamini–Hochberg (1995) q-values: q_(i) = min over j ≥ i of m·p_(j)/j, capped at 1, where m counts the
     * p-values that are not NaN (R {@code p.adjust(p, "BH")}, which leaves {@code NA} out of m). NaN stays NaN.
     */
    public static double[] benjaminiHochberg(double[] p) {
        for (double v : p) {
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + v);
            }
        }
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int m = order.length;
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
