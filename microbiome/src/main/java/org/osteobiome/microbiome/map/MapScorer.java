package org.osteobiome.microbiome.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Quantiles;
import org.osteobiome.microbiome.classify.ElasticNetLogistic;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Scores samples against a {@link ReferenceMap}: aligns their taxa to the map's ({@link MapAlignment}), refuses a
 * table that shares no taxon or fewer than 5% of the map's, computes the CLR on the map's taxa, the classifier's at-risk probability with the
 * 2.5–97.5% range of the cross-validation fold models' probabilities, the place on the reference PCoA (Gower's
 * add-a-point), every index and key taxon against the healthy reference (percentiles), and data-quality warnings.
 */
public final class MapScorer {
    private MapScorer() {
    }

    /** Share of the map's taxa below which a sample's match is called low. */
    static final double LOW_OVERLAP = 0.5;
    /** Share of the map's taxa below which a table is refused. */
    static final double USELESS_OVERLAP = 0.05;

    /**
     * @param value      her value
     * @param percentile her percentile in the healthy reference (0–100, interpolated between stored quantiles)
     * @param healthyLow 25th percentile of the healthy reference
     * @param healthyMedian median of the healthy reference
     * @param healthyHigh 75th percentile of the healthy reference
     */
    public record Measure(String name, String description, String unit, double value, double percentile, double healthyLow,
                          double healthyMedian, double healthyHigh) {
    }

    /**
     * @param probability at-risk probability of the final model
     * @param lower       2.5% of the fold models' probabilities
     * @param upper       97.5% of the fold models' probabilities
     * @param coordinates place on the reference PCoA
     * @param matched     map taxa found in the sample
     * @param mapTaxa     map taxa
     * @param coveredShare share of her reads on the map's taxa
     * @param depth       her read count (or total abundance)
     */
    public record Score(String sampleId, double probability, double lower, double upper, double[] coordinates,
                        List<Measure> indices, List<Measure> taxa, int matched, int mapTaxa, double coveredShare, double depth,
                        List<String> warnings) {
    }

    public static List<Score> score(ReferenceMap map, FeatureTable table, String tableName) {
        MapAlignment alignment = MapAlignment.of(map, table);
        if (alignment.matched() == 0) {
            throw OsteobiomeException.invalid(tableName + " has no taxon in common with the map (" + map.features().size()
                    + " taxa" + (map.rank() == null ? "" : " at rank " + map.rank()) + ", e.g. " + map.featureNames().get(0)
                    + "); profile the sample with the same taxonomy"
                    + (map.rank() == null ? "" : " or collapse it to " + map.rank()) + " and score it again");
        }
        int useful = (int) Math.ceil(USELESS_OVERLAP * map.features().size());
        if (alignment.matched() < useful) {
            throw OsteobiomeException.invalid(tableName + " shares only " + alignment.matched() + " of the map's "
                    + map.features().size() + " taxa (fewer than " + Math.round(100 * USELESS_OVERLAP) + "%): too few for a score"
                    + " that means anything; profile the sample with the taxonomy the map was built on"
                    + (map.rank() == null ? "" : " (rank " + map.rank() + ")"));
        }
        List<Score> out = new ArrayList<>();
        MapIndices.Guilds guilds = MapIndices.Guilds.of(table);
        for (int s = 0; s < table.sampleCount(); s++) {
            out.add(scoreOne(map, table, s, alignment, guilds));
        }
        return out;
    }

    private static Score scoreOne(ReferenceMap map, FeatureTable table, int s, MapAlignment alignment,
                                  MapIndices.Guilds guilds) {
        int m = map.features().size();
        double total = table.sampleTotal(s);
        if (!(total > 0)) {
            throw OsteobiomeException.invalid("sample " + table.sampleIds().get(s) + " has no reads; it cannot be scored");
        }
        double[] dense = table.denseSample(s);
        double[] rel = new double[m];
        for (int j = 0; j < m; j++) {
            rel[j] = alignment.columns()[j] >= 0 ? dense[alignment.columns()[j]] / total : 0;
        }
        double[] clr = MapIndices.clr(rel, map.epsilon());
        ReferenceMap.Classifier c = map.classifier();
        double probability = logistic(c.intercept(), c.coefficients(), clr);
        double[] folds = new double[c.foldIntercepts().length];
        for (int k = 0; k < folds.length; k++) {
            folds[k] = logistic(c.foldIntercepts()[k], c.foldCoefficients()[k], clr);
        }
        Arrays.sort(folds);
        double lower = Quantiles.of(folds, 0.025);
        double upper = Quantiles.of(folds, 0.975);

        ReferenceMap.Ordination o = map.ordination();
        double[] squared = new double[o.clr().length];
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < squared.length; i++) {
            squared[i] = MapIndices.squaredDistance(clr, o.clr()[i]);
            nearest = Math.min(nearest, Math.sqrt(squared[i]));
        }
        Ordination reference = new Ordination(o.sampleIds(), "exact", o.eigenvalues(), o.explained(), o.coordinates());
        double[] coordinates = Pcoa.place(reference, o.centredDiagonal(), squared, o.eigenvalues().length);

        ReferenceMap.GroupReference healthy = map.groups().get(map.healthyLevel());
        List<Measure> indices = new ArrayList<>();
        for (int i = 0; i < map.indices().size(); i++) {
            ReferenceMap.IndexDefinition def = map.indices().get(i);
            double v = MapIndices.value(def, table, guilds, s, clr, map.features());
            indices.add(measure(def.name(), def.description(), def.unit(), v, healthy.indexQuantiles()[i], map.quantileLevels()));
        }
        List<Measure> taxa = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (ReferenceMap.KeyTaxon k : map.keyTaxa()) {
            int j = map.featureIndex(k.taxon());
            if (j < 0 || shown.contains(k.taxon()) || shown.size() >= 12 || !k.term().startsWith(map.groupColumn() + "[")) {
                continue;
            }
            shown.add(k.taxon());
            double[] q = Arrays.stream(healthy.taxonQuantiles()[j]).map(v -> 100 * v).toArray();
            taxa.add(measure(map.featureNames().get(j), k.term() + ": log2 fold change "
                    + String.format(java.util.Locale.ROOT, "%.2f", k.log2FoldChange()) + ", q " + String.format(java.util.Locale.ROOT,
                    "%.3g", k.qValue()) + (k.status().equals("tested") ? "" : " (" + k.status() + ")"), "% of reads",
                    100 * rel[j], q, map.quantileLevels()));
        }
        List<String> warnings = new ArrayList<>();
        double share = (double) alignment.matched() / m;
        if (share < LOW_OVERLAP) {
            warnings.add("only " + alignment.matched() + " of the map's " + m + " taxa were found in the sample ("
                    + Math.round(100 * share) + "%); the scores rest on few taxa");
        }
        if (alignment.coveredShare()[s] < LOW_OVERLAP) {
            warnings.add("only " + Math.round(100 * alignment.coveredShare()[s]) + "% of the sample's reads are on the map's taxa");
        }
        if (map.referenceDepth() > 0 && table.isIntegral() && total < map.referenceDepth() / 10) {
            warnings.add("sequencing depth " + Math.round(total) + " reads is below a tenth of the reference median ("
                    + Math.round(map.referenceDepth()) + "); rare taxa may be missed");
        }
        if (map.referenceDepth() > 0 && !table.isIntegral()) {
            warnings.add("the sample holds relative abundances while the map was built from counts; depth cannot be checked");
        }
        if (nearest > o.nearestNeighbourLimit()) {
            warnings.add("the sample lies farther from every reference sample (Aitchison distance "
                    + String.format(java.util.Locale.ROOT, "%.1f", nearest) + ") than any reference sample lies from its nearest "
                    + "neighbour (" + String.format(java.util.Locale.ROOT, "%.1f", o.nearestNeighbourLimit())
                    + "): it is outside the reference, and its scores are extrapolations");
        }
        return new Score(table.sampleIds().get(s), probability, lower, upper, coordinates, indices, taxa, alignment.matched(), m,
                alignment.coveredShare()[s], total, warnings);
    }

    private static Measure measure(String name, String description, String unit, double value, double[] quantiles,
                                   double[] levels) {
        return new Measure(name, description, unit, value, percentile(value, quantiles, levels), interpolate(quantiles, levels, 0.25),
                interpolate(quantiles, levels, 0.5), interpolate(quantiles, levels, 0.75));
    }

    /** Her percentile (0–100) from stored quantiles, linear between them, midpoint over runs of equal quantiles. */
    static double percentile(double value, double[] quantiles, double[] levels) {
        int last = quantiles.length - 1;
        if (value < quantiles[0]) {
            return 0;
        }
        if (value > quantiles[last]) {
            return 100;
        }
        int lo = 0;
        while (lo < last && quantiles[lo + 1] < value) {
            lo++;
        }
        int hi = lo;
        while (hi < last && quantiles[hi + 1] <= value) {
            hi++;
        }
        if (quantiles[lo] == value || hi > lo) {
            int first = lo;
            while (first > 0 && quantiles[first - 1] == value) {
                first--;
            }
            int end = hi;
            while (end < last && quantiles[end + 1] == value) {
                end++;
            }
            if (quantiles[first] == value) {
                return 100 * 0.5 * (levels[first] + levels[end]);
            }
        }
        double a = quantiles[lo];
        double b = quantiles[Math.min(lo + 1, last)];
        double t = b > a ? (value - a) / (b - a) : 0;
        return 100 * (levels[lo] + t * (levels[Math.min(lo + 1, last)] - levels[lo]));
    }

    private static double interpolate(double[] quantiles, double[] levels, double p) {
        for (int i = 0; i < levels.length - 1; i++) {
            if (p <= levels[i + 1]) {
                double t = (p - levels[i]) / (levels[i + 1] - levels[i]);
                return quantiles[i] + t * (quantiles[i + 1] - quantiles[i]);
            }
        }
        return quantiles[quantiles.length - 1];
    }

    private static double logistic(double intercept, double[] coefficients, double[] x) {
        return new ElasticNetLogistic.Model(intercept, coefficients, Double.NaN, Double.NaN).probability(x);
    }
}
