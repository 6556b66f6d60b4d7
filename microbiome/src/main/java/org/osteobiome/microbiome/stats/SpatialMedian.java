package org.osteobiome.microbiome.stats;

/**
 * The spatial (geometric) median of a set of points: the point minimising the sum of Euclidean distances, by
 * Weiszfeld's iteration with the Vardi–Zhang correction when an iterate lands on a data point.
 */
final class SpatialMedian {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-12;

    private SpatialMedian() {
    }

    static double[] of(double[][] x, int[] members) {
        double[] y = PermutationTests.centroid(x, members);
        int dims = y.length;
        double scale = 0;
        for (int i : members) {
            scale = Math.max(scale, PermutationTests.euclidean(x[i], y));
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] numerator = new double[dims];
            double weights = 0;
            int coincident = 0;
            for (int i : members) {
                double d = PermutationTests.euclidean(x[i], y);
                if (d < 1e-15 * Math.max(scale, 1e-300)) {
                    coincident++;
                    continue;
                }
                for (int k = 0; k < dims; k++) {
                    numerator[k] += x[i][k] / d;
                }
                weights += 1 / d;
            }
            if (weights == 0) {
                return y;
            }
            double[] t = new double[dims];
            for (int k = 0; k < dims; k++) {
                t[k] = numerator[k] / weights;
            }
            double[] next = t;
            if (coincident > 0) {
                // Vardi & Zhang (2000): pull towards the data point the iterate sits on.
                double[] r = new double[dims];
                for (int i : members) {
                    double d = PermutationTests.euclidean(x[i], y);
                    if (d >= 1e-15 * Math.max(scale, 1e-300)) {
                        for (int k = 0; k < dims; k++) {
                            r[k] += (x[i][k] - y[k]) / d;
                        }
                    }
                }
                double rn = 0;
                for (double v : r) {
                    rn += v * v;
                }
                rn = Math.sqrt(rn);
                double eta = coincident;
                double gamma = rn == 0 ? 0 : Math.min(1, eta / rn);
                next = new double[dims];
                for (int k = 0; k < dims; k++) {
                    next[k] = (1 - gamma) * t[k] + gamma * y[k];
                }
            }
            double step = PermutationTests.euclidean(next, y);
            y = next;
            if (step <= TOLERANCE * Math.max(scale, 1e-300)) {
                break;
            }
        }
        return y;
    }
}
