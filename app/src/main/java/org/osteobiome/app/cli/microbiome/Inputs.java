package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    static Grouped group(DistanceMatrix dm, SampleMetadata metadata, String column) {
        String[] values = metadata.values(column, dm.ids());
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
            throw OsteobiomeException.invalid("only " + kept.size() + " sample(s) have a value in column '" + column + "'");
        }
        DistanceMatrix subset = dropped.isEmpty() ? dm : dm.select(kept);
        return new Grouped(subset, Grouping.of(labels.toArray(new String[0]), "column '" + column + "'"), dropped);
    }

    static void writeTsv(Path file, List<String> header, List<List<String>> rows) {
        AtomicFiles.writeText(file, TextTable.tsv(header, rows));
    }
}
