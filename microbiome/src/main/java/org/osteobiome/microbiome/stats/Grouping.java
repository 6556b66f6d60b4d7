package org.osteobiome.microbiome.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.OsteobiomeException;

/**
 * Group labels as small integers, one per sample.
 *
 * @param labels label index per sample
 * @param names  label names in first-seen order
 */
public record Grouping(int[] labels, List<String> names) {

    /** Labels from text values (no nulls), checking that the tests can run. */
    public static Grouping of(String[] values, String what) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = index.computeIfAbsent(values[i], v -> index.size());
        }
        if (index.size() < 2) {
            throw OsteobiomeException.invalid(what + " has " + index.size() + " group(s); a test needs at least 2");
        }
        if (index.size() == values.length) {
            throw OsteobiomeException.invalid(what + " gives every sample its own group; a test needs groups with "
                    + "replicates (is it a continuous or id column?)");
        }
        return new Grouping(labels, new ArrayList<>(index.keySet()));
    }

    public int groupCount() {
        return names.size();
    }

    int[] sizes(int[] labeling) {
        int[] sizes = new int[names.size()];
        for (int l : labeling) {
            sizes[l]++;
        }
        return sizes;
    }
}
