package org.osteobiome.app.cli.microbiome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.engine.BetaRequest;
import org.osteobiome.app.engine.ClusterEngine;
import org.osteobiome.app.engine.ClusterEngines;
import org.osteobiome.app.engine.ClusterOptions;
import org.osteobiome.app.engine.ClusterOutput;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.Clr;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.io.DistanceMatrixFiles;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import org.osteobiome.microbiome.tree.PhyloTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome diversity alpha|beta}. */
@Command(name = "diversity", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Alpha (within-sample) and beta (between-sample) diversity.",
        subcommands = {DiversityCommand.Alpha.class, DiversityCommand.Beta.class})
public final class DiversityCommand extends ParentCommand {

    @Command(name = "alpha", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Alpha diversity per sample: a TSV with sample_id and one column per metric. Shannon uses the natural "
                    + "logarithm unless --log-base 2. Undefined values (Pielou's evenness of a one-feature sample) are written NA.")
    static final class Alpha implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TABLE", description = "feature table (BIOM, .qza, TSV, MetaPhlAn, lineage table)")
        Path table;

        @Option(names = "--metrics", split = ",", paramLabel = "METRIC",
                description = "observed_features, shannon, simpson, inverse_simpson, pielou_e, chao1 (bias-corrected, as scikit-bio,"
                        + " QIIME 2 and vegan), chao1_classic (S + F1²/2F2), faith_pd (default: all but chao1_classic; faith_pd with --tree)")
        List<String> metrics = new ArrayList<>();

        @Option(names = "--tree", paramLabel = "NWK", description = "Newick tree with branch lengths (for faith_pd)")
        Path tree;

        @Option(names = "--log-base", defaultValue = "e", paramLabel = "e|2", description = "Shannon logarithm base (default e)")
        String logBase;

        @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
        Path out;

        @Override
        public Integer call() throws Exception {
            double base = switch (logBase.strip()) {
                case "e" -> Math.E;
                case "2" -> 2;
                case "10" -> 10;
                default -> throw OsteobiomeException.invalid("--log-base must be e, 2 or 10, got '" + logBase + "'");
            };
            List<AlphaMetric> chosen = new ArrayList<>();
            if (metrics.isEmpty()) {
                chosen.addAll(AlphaMetric.defaults(tree != null));
            } else {
                metrics.forEach(m -> chosen.add(AlphaMetric.parse(m)));
            }
            PhyloTree phylogeny = tree == null ? null : Newick.read(tree);
            FeatureTable t = FeatureTables.read(table).table();
            if (chosen.contains(AlphaMetric.CHAO1) && metrics.isEmpty() && !t.isIntegral()) {
                chosen.remove(AlphaMetric.CHAO1); // chao1 needs counts; only refuse it when asked for explicitly
            }
            AlphaDiversity.Result result = AlphaDiversity.compute(t, table.toString(), chosen, phylogeny, base);
            List<String> header = new ArrayList<>();
            header.add("sample_id");
            for (AlphaMetric m : chosen) {
                header.add(m == AlphaMetric.SHANNON ? "shannon_" + (base == Math.E ? "e" : Numbers.format(base)) : m.id());
            }
            List<List<String>> rows = new ArrayList<>();
            for (int s = 0; s < result.sampleIds().size(); s++) {
                List<String> row = new ArrayList<>();
                row.add(result.sampleIds().get(s));
                for (double v : result.values()[s]) {
                    row.add(Double.isNaN(v) ? "NA" : Numbers.format(v));
                }
                rows.add(row);
            }
            String text = TextTable.tsv(header, rows);
            TextOutput.emit(spec, out, text);
            List<String> undefined = result.undefined();
            if (!undefined.isEmpty()) {
                spec.commandLine().getErr().println("osteobiome: note: " + undefined.size() + " value(s) undefined and written NA: "
                        + String.join(", ", undefined.subList(0, Math.min(10, undefined.size()))) + (undefined.size() > 10 ? ", …" : ""));
            }
            return 0;
        }
    }

    @Command(name = "beta", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "A distance matrix between all samples, written as the lsmat TSV that scikit-bio and QIIME 2 read, or as HDF5"
                    + " like Striped UniFrac's (ssu) when --out ends in .h5: binary, much faster to write and read for thousands of samples.")
    static final class Beta implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TABLE", description = "feature table (BIOM, .qza, TSV, MetaPhlAn, lineage table)")
        Path table;

        @Option(names = "--metric", required = true, paramLabel = "NAME",
                description = "braycurtis, jaccard, aitchison, unweighted_unifrac, weighted_normalized_unifrac, weighted_unnormalized_unifrac")
        String metric;

        @Option(names = "--tree", paramLabel = "NWK", description = "Newick tree with branch lengths (UniFrac)")
        Path tree;

        @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores)")
        Integer threads;

        @Option(names = "--relative", description = "Bray–Curtis on relative abundances instead of the values as given")
        boolean relative;

        @Option(names = "--pseudocount", defaultValue = "1", paramLabel = "C", description = "Aitchison: added to every count (default 1)")
        double pseudocount;

        @Option(names = "--multiplicative-replacement", description = "Aitchison: replace zeros by multiplicative replacement (δ = 1/D²) instead")
        boolean multiplicative;

        @Option(names = "--out", required = true, paramLabel = "DM.tsv|DM.h5|DIR", description = "distance matrix to write: lsmat TSV, or HDF5"
                + " (datasets order and matrix, as ssu) when the name ends in .h5 or .hdf5; with --engine spark a new directory (or"
                + " URI) of Parquet blocks (blocks: r0, r1, c0, c1, distances; samples: index, id)")
        String out;

        @Option(names = "--engine", defaultValue = ClusterEngines.LOCAL, paramLabel = "local|spark",
                description = "local threads (default) or Apache Spark, block by block (every metric; the same distances)")
        String engine;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: the one spark-submit set, else local mode)")
        String master;

        @Option(names = "--block-size", defaultValue = "1000", paramLabel = "B", description = "Spark: samples per block side (default 1000)")
        int blockSize;

        @Option(names = "--pcoa", paramLabel = "FILE.tsv", description = "Spark: also a randomized PCoA from the blocks, its coordinates"
                + " to FILE.tsv and eigenvalues beside it")
        Path pcoa;

        @Option(names = "--axes", defaultValue = "10", paramLabel = "K", description = "axes of --pcoa (default 10)")
        int axes;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of --pcoa's randomized method (default 1)")
        long seed;

        @Option(names = "--no-progress", description = "do not draw a progress bar")
        boolean noProgress;

        @Override
        public Integer call() {
            BetaMetric m = BetaMetric.parse(metric);
            boolean local = engine.equals(ClusterEngines.LOCAL);
            ClusterEngine cluster = local ? null : ClusterEngines.get(engine);
            if (local && (master != null || pcoa != null)) {
                throw OsteobiomeException.invalid((master != null ? "--master" : "--pcoa") + " needs --engine spark (locally, run"
                        + " 'osteobiome ordinate' on the matrix)");
            }
            String target = null;
            if (local) {
                DistanceMatrixFiles.checkWritable(Path.of(out));
            } else {
                checkSparkOptions(m);
                target = ClusterOutput.of("--out", out);
            }
            PhyloTree phylogeny = tree == null ? null : Newick.read(tree);
            FeatureTable t = FeatureTables.read(table).table();
            BetaDiversity.Options options = BetaDiversity.Options.defaults().withRelative(relative)
                    .withZeros(multiplicative ? Clr.ZeroHandling.multiplicative(Double.NaN) : Clr.ZeroHandling.pseudocount(pseudocount));
            if (threads != null) {
                options = options.withThreads(threads);
            }
            PrintWriter err = spec.commandLine().getErr();
            if (local) {
                DistanceMatrix dm;
                try (CliProgress progress = CliProgress.start(m.id(), !noProgress && t.sampleCount() >= 500)) {
                    dm = BetaDiversity.compute(t, table.toString(), m, phylogeny, options.withProgress(progress.reporter()));
                }
                DistanceMatrixFiles.write(dm, Path.of(out));
            } else {
                ClusterEngine.BetaOutcome outcome;
                try (CliProgress progress = CliProgress.start(m.id(), !noProgress)) {
                    outcome = cluster.beta(new BetaRequest(t, table.toString(), phylogeny, m, relative, options.zeros(), target, blockSize,
                            pcoa == null ? 0 : axes, seed), new ClusterOptions(master, options.threads()), progress.reporter());
                }
                err.println("osteobiome: wrote " + outcome.blocks() + " blocks of the " + outcome.samples() + "-sample matrix to " + out);
                if (outcome.ordination() != null) {
                    Path eigen = OrdinateCommand.write(outcome.ordination(), pcoa);
                    err.println("osteobiome: wrote " + pcoa + " and " + eigen + " (randomized PCoA from the blocks)");
                }
            }
            if (m == BetaMetric.BRAY_CURTIS) {
                err.println("osteobiome: note: Bray–Curtis on " + (relative ? "relative abundances" : "the values as given"
                        + (t.isIntegral() ? " (counts)" : "")));
            } else if (m == BetaMetric.AITCHISON) {
                err.println("osteobiome: note: Aitchison distance with " + options.zeros().describe());
            }
            return 0;
        }

        private void checkSparkOptions(BetaMetric m) {
            if (blockSize < 2) {
                throw OsteobiomeException.invalid("--block-size must be at least 2, got " + blockSize);
            }
            if (pcoa != null && axes < 1) {
                throw OsteobiomeException.invalid("--axes must be at least 1, got " + axes);
            }
        }
    }
}
