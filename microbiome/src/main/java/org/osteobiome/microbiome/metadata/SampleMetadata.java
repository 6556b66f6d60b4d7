package org.osteobiome.microbiome.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteobiome.core.OsteobiomeException;

/**
 * Sample metadata: one row per sample id, named columns of text values; {@code null} marks a missing value.
 *
 * @param source    where it was read from (for messages)
 * @param sampleIds row ids in file order
 * @param columns   column names (trimmed)
 * @param cells     {@code cells.get(row)[column]}
 * @param numeric   per column: true when declared numeric ({@code #q2:types}) or every present value is a number
 * @param warnings  what the reader repaired (e.g. a repeated sample row merged), for the user to see
 */
public record SampleMetadata(String source, List<String> sampleIds, List<String> columns, List<String[]> cells,
                             boolean[] numeric, List<String> warnings) {

    public SampleMetadata {
        sampleIds = List.copyOf(sampleIds);
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
        warnings = List.copyOf(warnings);
    }

    /** Index of a column, or an error that lists the columns. */
    public int columnIndex(String name) {
        int i = columns.indexOf(name.strip());
        if (i < 0) {
            throw OsteobiomeException.unknown(source + ": no column '" + name + "'; columns: " + String.join(", ", columns));
        }
        return i;
    }

    /** Row index of a sample id, or -1. */
    public int rowOf(String sampleId) {
        return sampleIds.indexOf(sampleId);
    }

    /** The value of a column for each of the given samples (null where missing); unknown samples are an error. */
    public String[] values(String column, List<String> samples) {
        int c = columnIndex(column);
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < sampleIds.size(); i++) {
            rows.put(sampleIds.get(i), i);
        }
        List<String> missing = new ArrayList<>();
        String[] out = new String[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Integer row = rows.get(samples.get(i));
            if (row == null) {
                missing.add(samples.get(i));
            } else {
                out[i] = cells.get(row)[c];
            }
        }
        if (!missing.isEmpty()) {
            throw OsteobiomeException.invalid(source + " has no row for " + missing.size() + " sample(s): "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", …" : "") + "; the ids must match the distance matrix or table");
        }
        return out;
    }

    /** Ids present here but not in {@code others}, and the reverse, for mismatch reports. */
    public static String mismatch(List<String> ours, List<String> theirs) {
        Set<String> a = new LinkedHashSet<>(ours);
        Set<String> b = new LinkedHashSet<>(theirs);
        Set<String> onlyA = new LinkedHashSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new LinkedHashSet<>(b);
        onlyB.removeAll(a);
        return onlyA.size() + " only in the first (" + preview(onlyA) + "), " + onlyB.size() + " only in the second ("
                + preview(onlyB) + ")";
    }

    private static String preview(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        return String.join(", ", list.subList(0, Math.min(5, list.size()))) + (list.size() > 5 ? ", …" : "");
    }
}
