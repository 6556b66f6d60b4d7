package org.osteobiome.microbiome.diversity.beta;

import org.osteobiome.microbiome.table.FeatureTable;

/** A table's entries regrouped by feature (compressed sparse columns), samples ascending within each feature. */
final class FeatureColumns {
    final int[] pointers;
    final int[] samples;
    final double[] values;

    private FeatureColumns(int[] pointers, int[] samples, double[] values) {
        this.pointers = pointers;
        this.samples = samples;
        this.values = values;
    }

    /** Regroups {@code entryValues} (one per table entry, in table order) by feature. */
    static FeatureColumns of(FeatureTable table, double[] entryValues) {
        int nf = table.featureCount();
        int[] pointers = new int[nf + 1];
        for (int k = 0; k < table.nonZeroCount(); k++) {
            pointers[table.featureAt(k) + 1]++;
        }
        for (int f = 0; f < nf; f++) {
            pointers[f + 1] += pointers[f];
        }
        int[] next = java.util.Arrays.copyOf(pointers, nf);
        int[] samples = new int[(int) table.nonZeroCount()];
        double[] values = new double[samples.length];
        for (int s = 0; s < table.sampleCount(); s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                int at = next[table.featureAt(k)]++;
                samples[at] = s;
                values[at] = entryValues[k];
            }
        }
        return new FeatureColumns(pointers, samples, values);
    }

    /** The first position in feature f's list whose sample is at least {@code sample}. */
    int firstAtLeast(int f, int sample) {
        return firstAfter(f, sample - 1);
    }

    /** The first position in feature f's list whose sample is greater than {@code sample}. */
    int firstAfter(int f, int sample) {
        int lo = pointers[f];
        int hi = pointers[f + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (samples[mid] <= sample) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
