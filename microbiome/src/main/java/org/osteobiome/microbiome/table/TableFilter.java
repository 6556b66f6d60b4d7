package org.osteobiome.microbiome.table;

import java.util.ArrayList;
import java.util.List;
import org.osteobiome.core.OsteobiomeException;

/**
 * Filters that labs apply before analysis: samples below a sequencing depth, features present in too few samples,
 * features with too little total abundance.
 *
 * @param minDepth          drop samples whose total is below this
 * @param minPrevalence     drop features present in fewer than this fraction of samples (0–1)
 * @param minMeanRelative   drop features whose mean relative abundance is below this (0–1)
 */
public record TableFilter(double minDepth, double minPrevalence, double minMeanRelative) {

    public TableFilter {
        if (minDepth < 0 || minPrevalence < 0 || minPrevalence > 1 || minMeanRelative < 0 || minMeanRelative > 1) {
            throw OsteobiomeException.invalid("filter thresholds: depth ≥ 0, prevalence and mean relative abundance in [0, 1]");
        }
    }

    /** The filtered table, samples first, then features (on the remaining samples); empty features are dropped too. */
    public FeatureTable apply(FeatureTable table) {
        List<Integer> samples = new ArrayList<>();
        for (int s = 0; s < table.sampleCount(); s++) {
            if (table.sampleTotal(s) >= minDepth && table.observed(s) > 0) {
                samples.add(s);
            }
        }
        if (samples.isEmpty()) {
            throw OsteobiomeException.invalid("no sample reaches the minimum depth " + minDepth);
        }
        FeatureTable kept = table.selectSamples(samples.stream().mapToInt(Integer::intValue).toArray());
        int[] prevalence = kept.featurePrevalence();
        double[] meanRelative = new double[kept.featureCount()];
        for (int s = 0; s < kept.sampleCount(); s++) {
            double total = kept.sampleTotal(s);
            for (int k = kept.start(s); k < kept.end(s); k++) {
                meanRelative[kept.featureAt(k)] += kept.valueAt(k) / total / kept.sampleCount();
            }
        }
        boolean[] keep = new boolean[kept.featureCount()];
        for (int f = 0; f < keep.length; f++) {
            keep[f] = prevalence[f] > 0 && prevalence[f] >= minPrevalence * kept.sampleCount()
                    && meanRelative[f] >= minMeanRelative;
        }
        return kept.selectFeatures(keep);
    }
}
