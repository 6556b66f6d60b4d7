package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.stats.Grouping;

/** Shared input and output steps of the microbiome commands. */
final class Inputs {
    private Inputs() {
    }

    /** Metadata with its repair warnings printed to standard error. */
    static SampleMetadata metadata(Path file, java.io.PrintWriter err) {
        SampleMetadata m = MetadataReader.read(file);
        for (String warning : m.warnings()) {
            err.println("osteobiome: note: " + file + ": " + warning);
        }
        return m;
    }

    /** The distance matrix reduced to the samples with a value in the column, and their grouping. */
    record Grouped(DistanceMatrix distances, Grouping grouping, List<String> dropped) {
    }

    /**
     * The samples with a value in {@code column}: the metadata's missing cells (empty, NA, …) and the user's
     * {@code missing} values (any case) are left out and listed in {@link Grouped#dropped}.
     */
    static Grouped group(DistanceMatrix dm, SampleMetadata metadata, String column, List<String> missing) {
        Set<String> declared = new HashSet<>();
        for (String v : missing) {
            declared.add(v.strip().toLowerCase(Locale.ROOT));
        }
        String[] values = metadata.values(column, dm.ids());
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && declared.contains(values[i].strip().toLowerCase(Locale.ROOT))) {
                values[i] = null;
            }
        }
        return group(dm, values, metadata.source() + ", column '" + column + "'");
    }

    private static Grouped group(DistanceMatrix dm, String[] values, String where) {
        List<String> kept = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                dropped.add(dm.ids().get(i));
            } else {
                kept.add(dm.ids().get(i));
                labels.add(values[i]);
            }
        }
        if (kept.size() < 3) {
            throw OsteobiomeException.invalid(where + ": only " + kept.size() + " sample(s) have a value");
        }
        DistanceMatrix subset = dropped.isEmpty() ? dm : dm.select(kept);
        return new Grouped(subset, Grouping.of(labels.toArray(new String[0]), where), dropped);
    }

    static void writeTsv(Path file, List<String> header, List<List<String>> rows) {
        AtomicFiles.writeText(file, TextTable.tsv(header, rows));
    }
}
