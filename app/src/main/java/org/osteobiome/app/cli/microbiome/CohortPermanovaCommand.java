package org.osteobiome.app.cli.microbiome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.stats.DistanceModel;
import org.osteobiome.microbiome.stats.Grouping;
import org.osteobiome.microbiome.stats.PermutationTests;
import org.osteobiome.microbiome.stats.TestResult;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome cohort permanova}: beta diversity by group with covariates, and the dispersion test beside it. */
@Command(name = "permanova", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"PERMANOVA with covariates, as vegan's adonis2(d ~ covariates + group): sums of squares, R², pseudo-F and"
                + " permutation p-values per term, sequential (--by terms: each term after the ones before it, covariates first,"
                + " so the group is adjusted for them) or marginal (--by margin: each term after all others). PERMDISP on the"
                + " group beside it (distances to the group spatial medians, as vegan's betadisper): a significant PERMANOVA with"
                + " a significant PERMDISP may reflect different spread rather than different location.",
            "Prints term, df, sum_of_squares, r2, f, p_value (TSV); the last row is PERMDISP."},
        footer = {"", "Example:", "  osteobiome cohort permanova --table karlsson.txt --rank genus --metadata meta.txt \\",
            "      --group-column Classification --healthy NGT --covariates Age,BMI --by margin --permutations 999"})
final class CohortPermanovaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CohortInputs inputs;

    @Option(names = "--metric", defaultValue = "braycurtis", paramLabel = "NAME",
            description = "beta-diversity metric, as 'diversity beta' (default braycurtis)")
    String metric;

    @Option(names = "--tree", paramLabel = "NWK", description = "Newick tree (UniFrac metrics)")
    Path tree;

    @Option(names = "--by", defaultValue = "terms", paramLabel = "terms|margin", description = "sequential or marginal terms (default terms)")
    String by;

    @Option(names = "--permutations", defaultValue = "999", paramLabel = "N", description = "permutations (default 999)")
    int permutations;

    @Option(names = "--seed", defaultValue = "0", description = "random seed of the permutations")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; results do not depend on it)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE.tsv", description = "write the table to FILE instead of standard output")
    Path out;

    @Option(names = "--no-progress", description = "no progress bar on standard error (it appears only when the permutations run past 2 s)")
    boolean noProgress;

    @Override
    public Integer call() {
        DistanceModel.By how = switch (by.toLowerCase(Locale.ROOT)) {
            case "terms" -> DistanceModel.By.TERMS;
            case "margin" -> DistanceModel.By.MARGIN;
            default -> throw OsteobiomeException.invalid("--by " + by + ": write terms (sequential) or margin (marginal)");
        };
        if (permutations < 0) {
            throw OsteobiomeException.invalid("--permutations " + permutations + ": give 0 or more");
        }
        int workers = ModelRuns.threads(threads);
        BetaMetric m = BetaMetric.parse(metric);
        FeatureTable table = inputs.readTable();
        SampleMetadata meta = Inputs.metadata(inputs.metadata, spec.commandLine().getErr());
        CohortDesign design = CohortDesign.build(table.sampleIds(), meta, inputs.groupColumn, inputs.healthy, inputs.covariates,
                inputs.dropIncomplete);
        DistanceMatrix dm = BetaDiversity.compute(table.selectSamples(design.tableRows()), inputs.table.toString(), m,
                tree == null ? null : Newick.read(tree), BetaDiversity.Options.defaults().withThreads(workers));
        DistanceModel.Result result;
        try (CliProgress bar = CliProgress.startWhenSlow("permanova", !noProgress)) {
            result = DistanceModel.test(dm, design.design(), design.permanovaTerms(), how, permutations, seed, workers, bar.reporter());
        }
        String[] groups = new String[design.sampleCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = design.levels().get(design.groups()[i]);
        }
        TestResult dispersion;
        try (CliProgress bar = CliProgress.startWhenSlow("permdisp", !noProgress)) {
            dispersion = PermutationTests.permdisp(dm, Grouping.of(groups, inputs.groupColumn), true, permutations, seed, workers,
                    bar.reporter());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("osteobiome: PERMANOVA by " + how.name().toLowerCase(Locale.ROOT) + " on " + m.id() + " distances of "
                + design.sampleCount() + " samples; " + permutations + " permutations, seed " + seed);
        if (!design.dropped().isEmpty()) {
            err.println("osteobiome: note: left out " + design.dropped().size() + " sample(s) with missing values");
        }
        err.flush();
        List<List<String>> rows = new ArrayList<>();
        for (DistanceModel.Row r : result.rows()) {
            rows.add(List.of(r.term(), String.valueOf(r.df()), CohortCommand.na(r.sumOfSquares()), CohortCommand.na(r.r2()),
                    CohortCommand.na(r.f()), CohortCommand.na(r.pValue())));
        }
        rows.add(List.of("PERMDISP(" + inputs.groupColumn + ")", String.valueOf(design.levels().size() - 1), "NA", "NA",
                CohortCommand.na(dispersion.statistic()), CohortCommand.na(dispersion.pValue())));
        TextOutput.emit(spec, out, TextTable.tsv(List.of("term", "df", "sum_of_squares", "r2", "f", "p_value"), rows));
        return 0;
    }
}
