package org.osteobiome.app.cli.microbiome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.io.DistanceMatrixFiles;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.stats.Grouping;
import org.osteobiome.microbiome.stats.PermutationTests;
import org.osteobiome.microbiome.stats.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome stats permanova|permdisp|anosim DM.tsv --metadata M --column COL}. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Permutation tests of group differences on a distance matrix; p = (permuted ≥ observed + 1)/(permutations + 1).",
        subcommands = {StatsCommand.Permanova.class, StatsCommand.Permdisp.class, StatsCommand.Anosim.class})
public final class StatsCommand extends ParentCommand {

    /** Options every test shares. */
    abstract static class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DM", description = "distance matrix: lsmat TSV, HDF5 (as ssu or 'diversity beta --out DM.h5' write it) or a QIIME 2 DistanceMatrix .qza")
        Path distances;

        @Option(names = "--metadata", required = true, paramLabel = "M", description = "sample metadata (TSV/CSV, QIIME 2 style accepted)")
        Path metadata;

        @Option(names = "--column", required = true, paramLabel = "COL", description = "categorical metadata column with the groups")
        String column;

        @Option(names = "--missing", split = ",", paramLabel = "VALUE",
                description = "further values of --column that mean missing (e.g. unknown); empty cells, NA, nan, n/a, null, none,"
                        + " missing and - always do. Samples with a missing value are left out, and counted")
        List<String> missing = new ArrayList<>();

        @Option(names = "--permutations", defaultValue = "999", paramLabel = "N", description = "permutations (default 999)")
        int permutations;

        @Option(names = "--seed", defaultValue = "0", description = "random seed (same seed, same p-value)")
        long seed;

        @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; the result does not depend on it)")
        Integer threads;

        @Option(names = "--no-progress", description = "no progress bar on standard error (it appears only when the permutations run past 2 s)")
        boolean noProgress;

        abstract TestResult run(DistanceMatrix dm, Grouping grouping, int threads, Progress progress);

        @Override
        public Integer call() {
            int workers = org.osteobiome.app.service.ModelRuns.threads(threads); // checked before any output
            DistanceMatrix dm = DistanceMatrixFiles.read(distances);
            SampleMetadata m = Inputs.metadata(metadata, spec.commandLine().getErr());
            Inputs.Grouped grouped = Inputs.group(dm, m, column, missing);
            TestResult r;
            try (CliProgress bar = CliProgress.startWhenSlow(spec.name(), !noProgress)) {
                r = run(grouped.distances(), grouped.grouping(), workers, bar.reporter());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("method\t" + r.method());
            out.println("statistic_name\t" + r.statisticName());
            out.println("statistic\t" + Numbers.format(r.statistic()));
            out.println("p_value\t" + (Double.isNaN(r.pValue()) ? "NA" : Numbers.format(r.pValue())));
            out.println("permutations\t" + r.permutations());
            out.println("seed\t" + r.seed());
            out.println("n\t" + r.sampleSize());
            out.println("excluded_missing\t" + grouped.dropped().size());
            out.println("groups\t" + r.groups().size() + "\t" + String.join(",", r.groups()));
            out.flush();
            if (!grouped.dropped().isEmpty()) {
                spec.commandLine().getErr().println("osteobiome: note: " + grouped.dropped().size() + " sample(s) with a missing value"
                        + " in '" + column + "'" + (missing.isEmpty() ? "" : " (including " + String.join(", ", missing) + ")")
                        + " were left out");
            }
            return 0;
        }
    }

    @Command(name = "permanova", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "PERMANOVA (Anderson 2001): pseudo-F of between- against within-group dispersion.")
    static final class Permanova extends Test {
        @Override
        TestResult run(DistanceMatrix dm, Grouping g, int k, Progress progress) {
            return PermutationTests.permanova(dm, g, permutations, seed, k, progress);
        }
    }

    @Command(name = "permdisp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "PERMDISP (Anderson 2006): F test of distances to group spatial medians (or centroids) in PCoA space.")
    static final class Permdisp extends Test {
        @Option(names = "--centroid", description = "use group centroids instead of spatial medians")
        boolean centroid;

        @Override
        TestResult run(DistanceMatrix dm, Grouping g, int k, Progress progress) {
            return PermutationTests.permdisp(dm, g, !centroid, permutations, seed, k, progress);
        }
    }

    @Command(name = "anosim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "ANOSIM (Clarke 1993): R from ranked between- and within-group distances.")
    static final class Anosim extends Test {
        @Override
        TestResult run(DistanceMatrix dm, Grouping g, int k, Progress progress) {
            return PermutationTests.anosim(dm, g, permutations, seed, k, progress);
        }
    }
}
