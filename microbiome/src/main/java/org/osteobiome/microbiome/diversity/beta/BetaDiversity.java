package org.osteobiome.microbiome.diversity.beta;

import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/** Runs a beta metric by name over every pair of samples. Input checks live here, once for all metrics. */
public final class BetaDiversity {
    private BetaDiversity() {
    }

    /**
     * Options of the metrics that have them.
     *
     * @param relative Bray–Curtis on relative abundances instead of the values as given
     * @param zeros    zero handling for Aitchison
     * @param threads  worker threads (1 for single-threaded)
     */
    public record Options(boolean relative, Clr.ZeroHandling zeros, int threads, Progress progress) {
        public static Options defaults() {
            return new Options(false, Clr.ZeroHandling.pseudocount(1), Runtime.getRuntime().availableProcessors(), Progress.NONE);
        }

        public Options withThreads(int k) {
            if (k < 1) {
                throw OsteobiomeException.invalid("--threads must be at least 1, got " + k);
            }
            return new Options(relative, zeros, k, progress);
        }

        public Options withRelative(boolean r) {
            return new Options(r, zeros, threads, progress);
        }

        public Options withZeros(Clr.ZeroHandling z) {
            return new Options(relative, z, threads, progress);
        }

        public Options withProgress(Progress p) {
            return new Options(relative, zeros, threads, p);
        }
    }

    public static DistanceMatrix compute(FeatureTable table, String tableName, BetaMetric metric, PhyloTree tree, Options options) {
        check(table, tableName, metric, tree);
        double[] condensed = switch (metric) {
            case BRAY_CURTIS -> SharedFeatureDistances.brayCurtis(options.relative() ? relative(table) : table, options);
            case JACCARD -> SharedFeatureDistances.jaccard(table, options);
            case AITCHISON -> SharedFeatureDistances.aitchison(table, Clr.transform(table, options.zeros()), options);
            default -> UniFrac.compute(table, tree, metric, options, tableName);
        };
        return new DistanceMatrix(table.sampleIds(), condensed);
    }

    /** What every metric needs of its input, named for the user. */
    static void check(FeatureTable table, String tableName, BetaMetric metric, PhyloTree tree) {
        table.requireSingleRank("beta diversity");
        for (int s = 0; s < table.sampleCount(); s++) {
            if (table.observed(s) == 0) {
                throw OsteobiomeException.invalid(tableName + ": sample '" + table.sampleIds().get(s)
                        + "' has no counts; distances to it are undefined. Remove empty samples first "
                        + "(e.g. 'osteobiome table filter --min-depth 1')");
            }
        }
        if (metric.needsTree() && tree == null) {
            throw OsteobiomeException.invalid(metric.id() + " needs a tree: add --tree FILE.nwk");
        }
    }

    static FeatureTable relative(FeatureTable table) {
        double[] values = new double[(int) table.nonZeroCount()];
        for (int s = 0; s < table.sampleCount(); s++) {
            double total = table.sampleTotal(s);
            for (int k = table.start(s); k < table.end(s); k++) {
                values[k] = table.valueAt(k) / total;
            }
        }
        return table.withValues(values);
    }
}
