package org.osteobiome.microbiome.table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;

/**
 * Collects (sample, feature, value) entries in any order and builds a {@link FeatureTable}. Zeros are dropped;
 * negative, non-finite and repeated entries are errors that name the source and the place.
 */
public final class FeatureTableBuilder {
    private final String source;
    private final List<String> sampleIds;
    private final List<String> featureIds;
    private int[] samples = new int[1024];
    private int[] features = new int[1024];
    private double[] values = new double[1024];
    private int size;
    private List<Lineage> taxonomy;
    private boolean cumulative;

    FeatureTableBuilder(String source, List<String> sampleIds, List<String> featureIds) {
        this.source = source;
        this.sampleIds = List.copyOf(sampleIds);
        this.featureIds = List.copyOf(featureIds);
        requireUnique(sampleIds, "sample");
        requireUnique(featureIds, "feature");
    }

    private void requireUnique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>(ids.size() * 2);
        for (String id : ids) {
            if (id == null || id.isEmpty()) {
                throw OsteobiomeException.invalid(source + ": an empty " + what + " id; every " + what + " needs an id");
            }
            if (!seen.add(id)) {
                throw OsteobiomeException.invalid(source + ": " + what + " id '" + id + "' appears twice; ids must be unique");
            }
        }
    }

    /**
     * Adds one value.
     *
     * @param place where the value came from, for messages ("line 12, column 5")
     */
    public FeatureTableBuilder add(int sample, int feature, double value, String place) {
        if (!Double.isFinite(value) || value < 0) {
            throw OsteobiomeException.invalid(source + ", " + place + ": " + (Double.isFinite(value) ? "negative" : "non-finite")
                    + " value " + Numbers.format(value) + " for sample '" + sampleIds.get(sample) + "', feature '"
                    + featureIds.get(feature) + "'; abundances must be non-negative numbers");
        }
        if (value == 0) {
            return this;
        }
        if (size == samples.length) {
            int capacity = grownCapacity();
            samples = Arrays.copyOf(samples, capacity);
            features = Arrays.copyOf(features, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        samples[size] = sample;
        features[size] = feature;
        values[size] = value;
        size++;
        return this;
    }

    /**
     * The next capacity of the entry arrays, refused before allocating when the table could not fit: every entry
     * takes 16 bytes here and about as much again in the finished table, and growing copies the arrays.
     */
    private int grownCapacity() {
        long capacity = Math.max(16L, 2L * size);
        if (capacity > Integer.MAX_VALUE - 8) {
            if (size >= Integer.MAX_VALUE - 8) {
                throw OsteobiomeException.invalid(source + ": more than " + size
                        + " non-zero values; osteobiome holds at most 2^31 in one table — split the table or use --engine spark");
            }
            capacity = Integer.MAX_VALUE - 8;
        }
        MemoryBudget.require(48.0 * capacity, source + ": a table past " + size
                + " non-zero values", "read fewer samples (split the table, or filter rare features first)");
        return (int) capacity;
    }

    public FeatureTableBuilder taxonomy(List<Lineage> lineages) {
        this.taxonomy = lineages;
        return this;
    }

    public FeatureTableBuilder cumulative(boolean isCumulative) {
        this.cumulative = isCumulative;
        return this;
    }

    public FeatureTable build() {
        int n = sampleIds.size();
        int[] pointers = new int[n + 1];
        for (int k = 0; k < size; k++) {
            pointers[samples[k] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            pointers[s + 1] += pointers[s];
        }
        int[] next = Arrays.copyOf(pointers, n);
        int[] f = new int[size];
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            int at = next[samples[k]]++;
            f[at] = features[k];
            v[at] = values[k];
        }
        for (int s = 0; s < n; s++) {
            sortRange(f, v, pointers[s], pointers[s + 1], s);
        }
        return new FeatureTable(sampleIds, featureIds, pointers, f, v, taxonomy, cumulative);
    }

    /** Sorts one sample's entries by feature and rejects duplicates. */
    private void sortRange(int[] f, double[] v, int from, int to, int sample) {
        boolean sorted = true;
        for (int k = from + 1; k < to; k++) {
            if (f[k] <= f[k - 1]) {
                sorted = false;
                break;
            }
        }
        if (!sorted) {
            long[] keyed = new long[to - from];
            for (int k = from; k < to; k++) {
                keyed[k - from] = ((long) f[k] << 32) | (k - from);
            }
            Arrays.sort(keyed);
            int[] fs = new int[keyed.length];
            double[] vs = new double[keyed.length];
            for (int i = 0; i < keyed.length; i++) {
                int original = (int) (keyed[i] & 0xffffffffL);
                fs[i] = f[from + original];
                vs[i] = v[from + original];
            }
            System.arraycopy(fs, 0, f, from, fs.length);
            System.arraycopy(vs, 0, v, from, vs.length);
        }
        for (int k = from + 1; k < to; k++) {
            if (f[k] == f[k - 1]) {
                throw OsteobiomeException.invalid(source + ": sample '" + sampleIds.get(sample) + "' has two values for feature '"
                        + featureIds.get(f[k]) + "'");
            }
        }
    }
}
