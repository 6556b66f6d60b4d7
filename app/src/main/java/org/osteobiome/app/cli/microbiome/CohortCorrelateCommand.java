package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.cohort.Correlation;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome cohort correlate}: taxa and indices against a continuous outcome, partial on covariates. */
@Command(name = "correlate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Spearman correlation of each retained taxon's CLR and of Shannon, the butyrate-producer proxy and"
                + " Lactobacillus with a continuous outcome (T-score, BMD, …); partial on --covariates (rank residuals, as"
                + " ppcor). p from the t approximation (cor.test exact = FALSE); Benjamini–Hochberg q over taxa and,"
                + " separately, over indices.",
            "Prints feature, kind, rho, p_value, q_value (TSV): indices first, then taxa by p-value."},
        footer = {"", "Example:", "  osteobiome cohort correlate --table sim/table.tsv --metadata sim/metadata.tsv \\",
            "      --outcome t_score --covariates age,bmi"})
final class CohortCorrelateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "T", description = "feature table (BIOM, .qza, TSV, lineage or MetaPhlAn table)")
    Path table;

    @Option(names = "--metadata", required = true, paramLabel = "M", description = "sample metadata (TSV/CSV, QIIME 2 style accepted)")
    Path metadata;

    @Option(names = "--outcome", required = true, paramLabel = "COL", description = "numeric column to correlate with (e.g. t_score)")
    String outcome;

    @Option(names = "--covariates", split = ",", paramLabel = "COL", description = "numeric columns to partial out, comma-separated")
    List<String> covariates = List.of();

    @Option(names = "--rank", paramLabel = "RANK", description = "collapse the table to this rank first (kingdom … species)")
    String rank;

    @Option(names = "--min-prevalence", defaultValue = "0.25", paramLabel = "SHARE",
            description = "keep taxa present in at least this share of samples (default 0.25)")
    double minPrevalence;

    @Option(names = "--drop-incomplete", description = "leave out samples with a missing outcome or covariate instead of refusing")
    boolean dropIncomplete;

    @Option(names = "--out", paramLabel = "FILE.tsv", description = "write the table to FILE instead of standard output")
    Path out;

    @Override
    public Integer call() {
        FeatureTable t = CohortInputs.read(table, rank);
        SampleMetadata meta = Inputs.metadata(metadata, spec.commandLine().getErr());
        List<String> columns = new ArrayList<>(List.of(outcome));
        columns.addAll(covariates);
        for (String c : columns) {
            if (!meta.numeric()[meta.columnIndex(c)]) {
                throw OsteobiomeException.invalid(metadata + ": column '" + c + "' is not numeric; the outcome and the covariates of"
                        + " a correlation must be numbers");
            }
        }
        CohortDesign design = CohortDesign.build(t.sampleIds(), meta, null, null, columns, dropIncomplete);
        Correlation.Result result = Correlation.spearman(t, table.toString(), design, minPrevalence);
        var err = spec.commandLine().getErr();
        err.println("osteobiome: " + (covariates.isEmpty() ? "Spearman" : "partial Spearman (on " + String.join(", ", covariates) + ")")
                + " with " + outcome + " over " + result.samples() + " samples; " + result.filter().describe());
        err.flush();
        List<Correlation.Row> rows = new ArrayList<>(result.rows());
        rows.sort(Comparator.comparing((Correlation.Row r) -> !r.kind().equals("index"))
                .thenComparingDouble(r -> r.kind().equals("index") ? 0 : Double.isNaN(r.pValue()) ? 2 : r.pValue()));
        List<List<String>> cells = new ArrayList<>();
        for (Correlation.Row r : rows) {
            cells.add(List.of(r.feature(), r.kind(), CohortCommand.na(r.rho()), CohortCommand.na(r.pValue()), CohortCommand.na(r.qValue())));
        }
        TextOutput.emit(spec, out, TextTable.tsv(List.of("feature", "kind", "rho", "p_value", "q_value"), cells));
        return 0;
    }
}
