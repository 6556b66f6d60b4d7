package org.osteobiome.microbiome.stats;

import java.util.List;

/**
 * The result of a permutation test, in the shape scikit-bio uses.
 *
 * @param method        PERMANOVA, ANOSIM or PERMDISP
 * @param statisticName pseudo-F, R or F-value
 * @param statistic     the statistic for the observed grouping
 * @param pValue        (number of permuted statistics ≥ observed + 1) / (permutations + 1); NaN with no permutations
 * @param sampleSize    samples tested
 * @param groups        group labels, in first-seen order
 * @param permutations  number of permutations
 * @param seed          the seed of the permutations
 */
public record TestResult(String method, String statisticName, double statistic, double pValue, int sampleSize,
                         List<String> groups, int permutations, long seed) {

    public TestResult {
        groups = List.copyOf(groups);
    }
}
