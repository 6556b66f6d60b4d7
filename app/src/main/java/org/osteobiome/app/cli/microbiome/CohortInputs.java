package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import java.util.List;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;
import picocli.CommandLine.Option;

/** The table, metadata and design options shared by {@code cohort da} and {@code map build}. */
final class CohortInputs {
    @Option(names = "--table", required = true, paramLabel = "T", description = "feature table (BIOM, .qza, TSV, lineage or MetaPhlAn table)")
    Path table;

    @Option(names = "--metadata", required = true, paramLabel = "M", description = "sample metadata (TSV/CSV, QIIME 2 style accepted)")
    Path metadata;

    @Option(names = "--group-column", required = true, paramLabel = "COL", description = "categorical column with the groups")
    String groupColumn;

    @Option(names = "--healthy", required = true, paramLabel = "VALUE", description = "the healthy (reference) value of that column")
    String healthy;

    @Option(names = "--covariates", split = ",", paramLabel = "COL", description = "columns to adjust for, comma-separated (e.g. age,bmi)")
    List<String> covariates = List.of();

    @Option(names = "--rank", paramLabel = "RANK", description = "collapse the table to this rank first (kingdom … species)")
    String rank;

    @Option(names = "--min-prevalence", defaultValue = "0.25", paramLabel = "SHARE",
            description = "keep taxa present in at least this share of samples (default 0.25; see docs/decisions/0005)")
    double minPrevalence;

    @Option(names = "--drop-incomplete", description = "leave out samples with a missing group or covariate value instead of refusing")
    boolean dropIncomplete;

    /** The table, collapsed to {@code --rank} when given. */
    FeatureTable readTable() {
        return read(table, rank);
    }

    static FeatureTable read(Path file, String rank) {
        FeatureTable t = FeatureTables.read(file).table();
        if (rank != null) {
            t = TaxonomyCollapse.collapse(t, Rank.parse(rank), file.toString());
        } else if (t.isCumulative()) {
            throw OsteobiomeException.invalid(file + " is a cumulative profile (rows at several ranks); choose one with --rank, "
                    + "e.g. --rank genus");
        }
        return t;
    }
}
