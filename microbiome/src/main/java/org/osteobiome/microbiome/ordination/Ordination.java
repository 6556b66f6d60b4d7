package org.osteobiome.microbiome.ordination;

import java.util.List;

/**
 * A principal coordinates analysis.
 *
 * @param ids                  sample ids, in row order of {@code coordinates}
 * @param method               "exact" (full eigen-decomposition) or "randomized"
 * @param eigenvalues          eigenvalues in decreasing order; the exact method reports all of them, negative ones
 *                             included (they mean the distances are not Euclidean)
 * @param proportionExplained  eigenvalue / sum of positive eigenvalues (exact) or / trace (randomized); 0 for
 *                             negative eigenvalues
 * @param coordinates          {@code coordinates[sample][axis]} for the axes with positive eigenvalues
 */
public record Ordination(List<String> ids, String method, double[] eigenvalues, double[] proportionExplained,
                         double[][] coordinates) {

    public Ordination {
        ids = List.copyOf(ids);
    }

    /** Number of axes with coordinates. */
    public int axes() {
        return coordinates.length == 0 ? 0 : coordinates[0].length;
    }

    /** Sum of the negative eigenvalues (0 when there are none). */
    public double negativeEigenvalueSum() {
        double sum = 0;
        for (double e : eigenvalues) {
            if (e < 0) {
                sum += e;
            }
        }
        return sum;
    }
}
