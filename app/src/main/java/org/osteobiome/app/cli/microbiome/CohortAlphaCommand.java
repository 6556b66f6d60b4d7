package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.microbiome.cohort.AlphaByGroup;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome cohort alpha}: alpha diversity compared across the groups of a metadata column. */
@Command(name = "alpha", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Alpha diversity by group: each group's median and quartiles, Kruskal–Wallis over all groups"
                + " (Benjamini–Hochberg q over the metrics) and pairwise Wilcoxon rank-sum tests (normal approximation with"
                + " continuity correction; BH over the pairs of each metric), as R's kruskal.test and"
                + " pairwise.wilcox.test(exact = FALSE). Diversity is computed on the table as given: rarefy first"
                + " ('osteobiome table rarefy') when depths differ widely.",
            "Prints two TSV blocks: one row per metric, then one row per pair of groups."},
        footer = {"", "Example:", "  osteobiome cohort alpha --table sim/table.tsv --metadata sim/metadata.tsv --group-column bone_status"})
final class CohortAlphaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "T", description = "feature table (BIOM, .qza, TSV, lineage or MetaPhlAn table)")
    Path table;

    @Option(names = "--metadata", required = true, paramLabel = "M", description = "sample metadata (TSV/CSV, QIIME 2 style accepted)")
    Path metadata;

    @Option(names = "--group-column", required = true, paramLabel = "COL", description = "categorical column with the groups")
    String groupColumn;

    @Option(names = "--rank", paramLabel = "RANK", description = "collapse the table to this rank first (kingdom … species)")
    String rank;

    @Option(names = "--metrics", split = ",", paramLabel = "METRIC", defaultValue = "shannon,observed_features,simpson",
            description = "alpha metrics, comma-separated (default shannon,observed_features,simpson; see 'diversity alpha')")
    List<String> metrics;

    @Option(names = "--drop-incomplete", description = "leave out samples with a missing group value instead of refusing")
    boolean dropIncomplete;

    @Option(names = "--out", paramLabel = "FILE.tsv", description = "write the tables to FILE instead of standard output")
    Path out;

    @Override
    public Integer call() {
        FeatureTable t = CohortInputs.read(table, rank);
        SampleMetadata meta = Inputs.metadata(metadata, spec.commandLine().getErr());
        List<AlphaMetric> chosen = metrics.stream().map(AlphaMetric::parse).toList();
        CohortDesign design = CohortDesign.build(t.sampleIds(), meta, groupColumn, null, List.of(), dropIncomplete);
        AlphaDiversity.Result alpha = AlphaDiversity.compute(t, table.toString(), chosen, null, Math.E);
        AlphaByGroup.Result result = AlphaByGroup.compare(alpha, design);
        List<String> header = new ArrayList<>(List.of("metric", "H", "df", "p_value", "q_value"));
        for (String level : design.levels()) {
            header.add(level + " (n " + design.groupSizes()[design.levels().indexOf(level)] + ") median [IQR]");
        }
        List<List<String>> rows = new ArrayList<>();
        for (AlphaByGroup.MetricRow r : result.metrics()) {
            List<String> row = new ArrayList<>(List.of(r.metric(), CohortCommand.na(r.h()), CohortCommand.na(r.df()),
                    CohortCommand.na(r.pValue()), CohortCommand.na(r.qValue())));
            for (AlphaByGroup.GroupSummary s : r.groups()) {
                row.add(String.format(java.util.Locale.ROOT, "%.4g [%.4g, %.4g]", s.median(), s.q1(), s.q3()));
            }
            rows.add(row);
        }
        List<List<String>> pairs = new ArrayList<>();
        for (AlphaByGroup.PairRow r : result.pairs()) {
            pairs.add(List.of(r.metric(), r.group(), r.against(), CohortCommand.na(r.w()), CohortCommand.na(r.pValue()),
                    CohortCommand.na(r.qValue())));
        }
        var err = spec.commandLine().getErr();
        err.println("osteobiome: alpha diversity of " + result.samples() + " samples by " + groupColumn + " (" + design.levels().size()
                + " groups)" + (design.dropped().isEmpty() ? "" : "; left out " + design.dropped().size() + " with a missing value"));
        err.flush();
        TextOutput.emit(spec, out, TextTable.tsv(header, rows) + "\n"
                + TextTable.tsv(List.of("metric", "group", "against", "W", "p_value", "q_value"), pairs));
        return 0;
    }
}
