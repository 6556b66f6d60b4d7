package org.osteobiome.microbiome.diversity.alpha;

import java.util.ArrayList;
import java.util.List;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/** Runs alpha metrics by name over every sample of a table. Input checks live here, once for all metrics. */
public final class AlphaDiversity {
    private AlphaDiversity() {
    }

    /**
     * The result: {@code values[sample][metric]}, NaN where a metric is undefined for a sample (listed in
     * {@link #undefined()}).
     */
    public record Result(List<String> sampleIds, List<AlphaMetric> metrics, double[][] values, double logBase) {

        /** "metric for sample" descriptions of every undefined value. */
        public List<String> undefined() {
            List<String> out = new ArrayList<>();
            for (int s = 0; s < values.length; s++) {
                for (int m = 0; m < metrics.size(); m++) {
                    if (Double.isNaN(values[s][m])) {
                        out.add(metrics.get(m).id() + " of " + sampleIds.get(s));
                    }
                }
            }
            return out;
        }
    }

    /**
     * Computes the metrics.
     *
     * @param tree    required for Faith PD, otherwise may be null
     * @param logBase logarithm base for Shannon (Math.E or 2)
     */
    public static Result compute(FeatureTable table, String tableName, List<AlphaMetric> metrics, PhyloTree tree, double logBase) {
        table.requireSingleRank("alpha diversity");
        if (!(logBase > 1) || !Double.isFinite(logBase)) {
            throw OsteobiomeException.invalid("the logarithm base must be a number above 1, got " + logBase);
        }
        for (int s = 0; s < table.sampleCount(); s++) {
            if (table.observed(s) == 0) {
                throw OsteobiomeException.invalid(tableName + ": sample '" + table.sampleIds().get(s)
                        + "' has no counts; remove empty samples first (e.g. 'osteobiome table filter --min-depth 1')");
            }
        }
        if (metrics.stream().anyMatch(AlphaMetric::needsCounts) && !table.isIntegral()) {
            throw OsteobiomeException.invalid(tableName + ": chao1 counts singletons and doubletons, so it needs integer counts; "
                    + "this table holds non-integer values (relative abundances?)");
        }
        double[] faith = null;
        if (metrics.contains(AlphaMetric.FAITH_PD)) {
            if (tree == null) {
                throw OsteobiomeException.invalid("faith_pd needs a tree: add --tree FILE.nwk");
            }
            faith = FaithPd.compute(table, tree, tableName);
        }
        double[][] values = new double[table.sampleCount()][metrics.size()];
        for (int s = 0; s < table.sampleCount(); s++) {
            double[] counts = table.sampleValues(s);
            for (int m = 0; m < metrics.size(); m++) {
                AlphaMetric metric = metrics.get(m);
                values[s][m] = metric == AlphaMetric.FAITH_PD ? faith[s] : metric.compute(counts, logBase);
            }
        }
        return new Result(table.sampleIds(), List.copyOf(metrics), values, logBase);
    }
}
