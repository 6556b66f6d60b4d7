package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.io.TableFileFormat;
import org.osteobiome.microbiome.table.FeatureTable;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --to} of the table commands that write a derived table. */
final class TableOutput {
    @Option(names = "--out", required = true, paramLabel = "OUT", description = "file to write (replaced only when complete)")
    Path out;

    @Option(names = "--to", defaultValue = "tsv", paramLabel = "FORMAT", description = "output format (default: tsv)")
    String to;

    /** The format to write; checked before any work so that a bad --to fails at once. */
    TableFileFormat format() {
        return TableFileFormat.writableFormat(to);
    }

    void write(FeatureTable table) {
        FeatureTables.write(table, format(), out);
    }
}
