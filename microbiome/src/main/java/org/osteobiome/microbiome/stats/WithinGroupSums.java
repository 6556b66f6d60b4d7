package org.osteobiome.microbiome.stats;

/**
 * Sums of a condensed matrix's values over the pairs i &lt; j in the same group, per group, for a block of labelings
 * in one pass over the matrix. Row i only visits the members of its own group after it (n²/(2a) values for a groups
 * of similar size instead of n²/2), and each row is read once for the whole block while it is in cache.
 */
final class WithinGroupSums {
    /** About this much of a core's cache for the block's member lists. */
    private static final int CACHE_BYTES = 256 * 1024;

    private WithinGroupSums() {
    }

    /** Labelings of {@code n} samples per block: enough to reuse each row, few enough for their lists to stay cached. */
    static int blockSize(int n) {
        return Math.max(1, Math.min(32, CACHE_BYTES / (Integer.BYTES * Math.max(1, n))));
    }

    /**
     * @param condensed the upper triangle row by row, (0,1), (0,2), …, (n−2,n−1)
     * @return {@code sums[p][g]}: Σ values(i,j) over i &lt; j with labelings[p][i] = labelings[p][j] = g
     */
    static double[][] of(double[] condensed, int n, int groups, int[][] labelings) {
        int blocks = labelings.length;
        int[][] members = new int[blocks * groups][];
        for (int p = 0; p < blocks; p++) {
            int[] sizes = new int[groups];
            for (int label : labelings[p]) {
                sizes[label]++;
            }
            for (int g = 0; g < groups; g++) {
                members[p * groups + g] = new int[sizes[g]];
            }
            int[] fill = new int[groups];
            for (int i = 0; i < n; i++) {
                int g = labelings[p][i];
                members[p * groups + g][fill[g]++] = i;
            }
        }
        double[][] sums = new double[blocks][groups];
        // passed[p·groups + g]: members of g up to and including the current row, i.e. where its later members start.
        int[] passed = new int[blocks * groups];
        int rowStart = 0;
        for (int i = 0; i < n - 1; i++) {
            int offset = rowStart - i - 1; // condensed[offset + j] = value(i, j) for j > i
            for (int p = 0; p < blocks; p++) {
                int g = labelings[p][i];
                int list = p * groups + g;
                int[] m = members[list];
                sums[p][g] += gatheredSum(condensed, offset, m, ++passed[list]);
                // members[list][passed − 1] is i itself; the ones after it are the later members.
            }
            rowStart += n - i - 1;
        }
        return sums;
    }

    /** Σ values[offset + indices[t]] for from ≤ t &lt; indices.length, with four partial sums. */
    private static double gatheredSum(double[] values, int offset, int[] indices, int from) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = from;
        int to = indices.length;
        for (; t + 3 < to; t += 4) {
            s0 += values[offset + indices[t]];
            s1 += values[offset + indices[t + 1]];
            s2 += values[offset + indices[t + 2]];
            s3 += values[offset + indices[t + 3]];
        }
        for (; t < to; t++) {
            s0 += values[offset + indices[t]];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
