package org.osteobiome.microbiome.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osteobiome.core.OsteobiomeException;

/**
 * A sparse samples × features table of non-negative abundances, stored sample by sample (compressed sparse rows:
 * for sample s, entries {@code start(s)} to {@code end(s) − 1} hold its non-zero features in ascending order).
 * A 10,000 × 50,000 table at 2 % density takes 12 bytes per non-zero, about 120 MB. Immutable.
 */
public final class FeatureTable implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> sampleIds;
    private final List<String> featureIds;
    private final int[] pointers;
    private final int[] features;
    private final double[] values;
    private final List<Lineage> taxonomy;
    private final boolean cumulative;
    private transient Map<String, Integer> sampleIndex;
    private transient Map<String, Integer> featureIndex;

    FeatureTable(List<String> sampleIds, List<String> featureIds, int[] pointers, int[] features, double[] values,
                 List<Lineage> taxonomy, boolean cumulative) {
        this.sampleIds = List.copyOf(sampleIds);
        this.featureIds = List.copyOf(featureIds);
        this.pointers = pointers;
        this.features = features;
        this.values = values;
        this.taxonomy = taxonomy == null ? null : List.copyOf(taxonomy);
        this.cumulative = cumulative;
        if (taxonomy != null && taxonomy.size() != featureIds.size()) {
            throw new IllegalArgumentException(taxonomy.size() + " lineages for " + featureIds.size() + " features");
        }
    }

    /** A builder for a table with these sample and feature ids (checked for duplicates). */
    public static FeatureTableBuilder builder(String source, List<String> sampleIds, List<String> featureIds) {
        return new FeatureTableBuilder(source, sampleIds, featureIds);
    }

    public int sampleCount() {
        return sampleIds.size();
    }

    public int featureCount() {
        return featureIds.size();
    }

    public long nonZeroCount() {
        return pointers[pointers.length - 1];
    }

    /** Fraction of cells that are non-zero. */
    public double density() {
        double cells = (double) sampleCount() * featureCount();
        return cells == 0 ? 0 : nonZeroCount() / cells;
    }

    public List<String> sampleIds() {
        return sampleIds;
    }

    public List<String> featureIds() {
        return featureIds;
    }

    /** Feature lineages, when the table carries taxonomy. */
    public Optional<List<Lineage>> taxonomy() {
        return Optional.ofNullable(taxonomy);
    }

    /**
     * True for hierarchical profiles (MetaPhlAn) whose rows at each rank already include their descendants; such
     * tables must be collapsed to one rank before diversity is computed.
     */
    public boolean isCumulative() {
        return cumulative;
    }

    /** First entry of sample s. */
    public int start(int sample) {
        return pointers[sample];
    }

    /** One past the last entry of sample s. */
    public int end(int sample) {
        return pointers[sample + 1];
    }

    /** Feature index of entry k. */
    public int featureAt(int entry) {
        return features[entry];
    }

    /** Value of entry k. */
    public double valueAt(int entry) {
        return values[entry];
    }

    /** Number of non-zero features in sample s. */
    public int observed(int sample) {
        return pointers[sample + 1] - pointers[sample];
    }

    /** Sum of sample s (its sequencing depth for count tables). */
    public double sampleTotal(int sample) {
        double sum = 0;
        for (int k = pointers[sample]; k < pointers[sample + 1]; k++) {
            sum += values[k];
        }
        return sum;
    }

    public double[] sampleTotals() {
        double[] totals = new double[sampleCount()];
        for (int s = 0; s < totals.length; s++) {
            totals[s] = sampleTotal(s);
        }
        return totals;
    }

    public double[] featureTotals() {
        double[] totals = new double[featureCount()];
        for (int k = 0; k < nonZeroCount(); k++) {
            totals[features[k]] += values[k];
        }
        return totals;
    }

    /** Number of samples in which each feature is present. */
    public int[] featurePrevalence() {
        int[] counts = new int[featureCount()];
        for (int k = 0; k < nonZeroCount(); k++) {
            counts[features[k]]++;
        }
        return counts;
    }

    /** The non-zero values of sample s. */
    public double[] sampleValues(int sample) {
        return Arrays.copyOfRange(values, pointers[sample], pointers[sample + 1]);
    }

    /** The feature indices of the non-zero values of sample s. */
    public int[] sampleFeatures(int sample) {
        return Arrays.copyOfRange(features, pointers[sample], pointers[sample + 1]);
    }

    /** Sample s as a dense vector over all features. */
    public double[] denseSample(int sample) {
        double[] dense = new double[featureCount()];
        for (int k = pointers[sample]; k < pointers[sample + 1]; k++) {
            dense[features[k]] = values[k];
        }
        return dense;
    }

    /** The value at (sample, feature). */
    public double get(int sample, int feature) {
        int k = Arrays.binarySearch(features, pointers[sample], pointers[sample + 1], feature);
        return k >= 0 ? values[k] : 0;
    }

    /** True when every value is a whole number (a count table). */
    public boolean isIntegral() {
        for (int k = 0; k < nonZeroCount(); k++) {
            if (values[k] != Math.rint(values[k])) {
                return false;
            }
        }
        return true;
    }

    /** Index of a sample id, or -1. */
    public int sampleIndex(String id) {
        if (sampleIndex == null) {
            sampleIndex = index(sampleIds);
        }
        return sampleIndex.getOrDefault(id, -1);
    }

    /** Index of a feature id, or -1. */
    public int featureIndex(String id) {
        if (featureIndex == null) {
            featureIndex = index(featureIds);
        }
        return featureIndex.getOrDefault(id, -1);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> map = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), i);
        }
        return map;
    }

    /** A table with only the given samples, in the given order. */
    public FeatureTable selectSamples(int[] samples) {
        int[] p = new int[samples.length + 1];
        for (int i = 0; i < samples.length; i++) {
            p[i + 1] = p[i] + observed(samples[i]);
        }
        int[] f = new int[p[samples.length]];
        double[] v = new double[f.length];
        String[] ids = new String[samples.length];
        for (int i = 0; i < samples.length; i++) {
            int s = samples[i];
            System.arraycopy(features, pointers[s], f, p[i], observed(s));
            System.arraycopy(values, pointers[s], v, p[i], observed(s));
            ids[i] = sampleIds.get(s);
        }
        return new FeatureTable(List.of(ids), featureIds, p, f, v, taxonomy, cumulative);
    }

    /** A table with only the features marked true, renumbered in their original order. */
    public FeatureTable selectFeatures(boolean[] keep) {
        int[] newIndex = new int[featureCount()];
        int kept = 0;
        for (int j = 0; j < keep.length; j++) {
            newIndex[j] = keep[j] ? kept++ : -1;
        }
        String[] ids = new String[kept];
        Lineage[] lineages = taxonomy == null ? null : new Lineage[kept];
        for (int j = 0; j < keep.length; j++) {
            if (keep[j]) {
                ids[newIndex[j]] = featureIds.get(j);
                if (lineages != null) {
                    lineages[newIndex[j]] = taxonomy.get(j);
                }
            }
        }
        int[] p = new int[sampleCount() + 1];
        int count = 0;
        for (int k = 0; k < nonZeroCount(); k++) {
            if (keep[features[k]]) {
                count++;
            }
        }
        int[] f = new int[count];
        double[] v = new double[count];
        int out = 0;
        for (int s = 0; s < sampleCount(); s++) {
            for (int k = pointers[s]; k < pointers[s + 1]; k++) {
                if (keep[features[k]]) {
                    f[out] = newIndex[features[k]];
                    v[out++] = values[k];
                }
            }
            p[s + 1] = out;
        }
        return new FeatureTable(sampleIds, List.of(ids), p, f, v, lineages == null ? null : List.of(lineages), cumulative);
    }

    /** The same counts with new values per entry (same sparsity pattern), e.g. after a transformation. */
    public FeatureTable withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("expected " + values.length + " values");
        }
        return new FeatureTable(sampleIds, featureIds, pointers, features, newValues.clone(), taxonomy, cumulative);
    }

    /** This table with feature lineages attached. */
    public FeatureTable withTaxonomy(List<Lineage> lineages) {
        return new FeatureTable(sampleIds, featureIds, pointers, features, values, lineages, cumulative);
    }

    /** This table marked as a cumulative hierarchical profile (or not). */
    public FeatureTable withCumulative(boolean isCumulative) {
        return new FeatureTable(sampleIds, featureIds, pointers, features, values, taxonomy, isCumulative);
    }

    /** Refuses cumulative profiles for analyses that need one rank. */
    public void requireSingleRank(String analysis) {
        if (cumulative) {
            throw OsteobiomeException.invalid(analysis + " needs one rank, but this is a cumulative MetaPhlAn profile "
                    + "(each rank includes the ranks below it); collapse it first, e.g. 'osteobiome table collapse FILE --rank species'");
        }
    }

    /** Approximate heap footprint of the numeric arrays in bytes. */
    public long numericBytes() {
        return 4L * pointers.length + 12L * nonZeroCount();
    }
}
