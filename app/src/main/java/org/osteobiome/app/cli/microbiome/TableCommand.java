package org.osteobiome.app.cli.microbiome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.Numbers;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.io.TableFileFormat;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.Rarefaction;
import org.osteobiome.microbiome.table.TableFilter;
import org.osteobiome.microbiome.table.TaxonomyCollapse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome table …}: inspect and transform feature tables in any supported format. */
@Command(name = "table", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect and transform feature tables (BIOM 1.0 JSON, BIOM 2.1 HDF5, QIIME 2 .qza, TSV, lineage tables, "
                + "merged MetaPhlAn profiles; the format is recognised from the content).",
        subcommands = {TableCommand.Info.class, TableCommand.Convert.class, TableCommand.Collapse.class,
            TableCommand.Filter.class, TableCommand.Rarefy.class, TableCommand.Generate.class})
public final class TableCommand extends ParentCommand {

    @Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Detected format, samples, features, depth summary, density, taxonomy.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "feature table; the format is detected from its content")
        Path file;

        @Override
        public Integer call() {
            FeatureTables.Loaded loaded = FeatureTables.read(file);
            FeatureTable t = loaded.table();
            double[] depths = t.sampleTotals();
            Arrays.sort(depths);
            PrintWriter out = spec.commandLine().getOut();
            out.println("file\t" + file);
            out.println("format\t" + loaded.format().id());
            out.println("samples\t" + t.sampleCount());
            out.println("features\t" + t.featureCount());
            out.println("non_zero\t" + t.nonZeroCount());
            out.println("density\t" + Numbers.format(t.density()));
            out.println("values\t" + (t.isIntegral() ? "integer counts" : "non-integer (relative abundances or normalised)"));
            if (depths.length > 0) {
                out.println("depth_min\t" + Numbers.format(depths[0]));
                out.println("depth_median\t" + Numbers.format(median(depths)));
                out.println("depth_max\t" + Numbers.format(depths[depths.length - 1]));
                out.println("empty_samples\t" + Arrays.stream(depths).filter(d -> d == 0).count());
            }
            out.println("taxonomy\t" + (t.taxonomy().isPresent() ? "yes" : "no"));
            out.println("cumulative_profile\t" + (t.isCumulative() ? "yes (collapse to one rank before diversity)" : "no"));
            out.flush();
            return 0;
        }

        private static double median(double[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Write a table in another format.")
    static final class Convert implements Callable<Integer> {
        @Parameters(paramLabel = "IN", description = "feature table; the format is detected from its content")
        Path in;

        @Option(names = "--to", required = true, paramLabel = "biom-json|biom-hdf5|tsv", description = "format to write")
        String to;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "file to write (replaced only when complete)")
        Path out;

        @Override
        public Integer call() {
            TableFileFormat format = TableFileFormat.writableFormat(to);
            FeatureTables.write(FeatureTables.read(in).table(), format, out);
            return 0;
        }
    }

    @Command(name = "collapse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Sum features that share a lineage down to a rank (cumulative MetaPhlAn profiles: keep that rank's rows).")
    static final class Collapse implements Callable<Integer> {
        @Parameters(paramLabel = "IN", description = "feature table; the format is detected from its content")
        Path in;

        @Option(names = "--rank", required = true, paramLabel = "RANK", description = "kingdom, phylum, class, order, family, genus, species, strain")
        String rank;

        @Mixin
        TableOutput output;

        @Override
        public Integer call() {
            output.format();
            Rank r = Rank.parse(rank);
            output.write(TaxonomyCollapse.collapse(FeatureTables.read(in).table(), r, in.toString()));
            return 0;
        }
    }

    @Command(name = "filter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Drop shallow samples and rare features.")
    static final class Filter implements Callable<Integer> {
        @Parameters(paramLabel = "IN", description = "feature table; the format is detected from its content")
        Path in;

        @Option(names = "--min-depth", defaultValue = "1", description = "drop samples with fewer reads (default 1: empty samples)")
        double minDepth;

        @Option(names = "--min-prevalence", defaultValue = "0", description = "drop features in fewer than this fraction of samples")
        double minPrevalence;

        @Option(names = "--min-abundance", defaultValue = "0", description = "drop features with a lower mean relative abundance")
        double minAbundance;

        @Mixin
        TableOutput output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            output.format();
            FeatureTable table = FeatureTables.read(in).table();
            FeatureTable filtered = new TableFilter(minDepth, minPrevalence, minAbundance).apply(table);
            output.write(filtered);
            spec.commandLine().getErr().println("osteobiome: kept " + filtered.sampleCount() + " of " + table.sampleCount()
                    + " samples and " + filtered.featureCount() + " of " + table.featureCount() + " features");
            return 0;
        }
    }

    @Command(name = "rarefy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Subsample every sample to the same depth without replacement (seeded); shallower samples are dropped and listed.")
    static final class Rarefy implements Callable<Integer> {
        @Parameters(paramLabel = "IN", description = "feature table; the format is detected from its content")
        Path in;

        @Option(names = "--depth", required = true, paramLabel = "N", description = "reads to keep per sample")
        long depth;

        @Option(names = "--seed", required = true, description = "random seed (same seed, same table)")
        long seed;

        @Mixin
        TableOutput output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            output.format();
            Rarefaction.Result result = Rarefaction.rarefy(FeatureTables.read(in).table(), depth, seed);
            output.write(result.table());
            if (!result.dropped().isEmpty()) {
                List<String> d = result.dropped();
                spec.commandLine().getErr().println("osteobiome: dropped " + d.size() + " sample(s) below " + depth + " reads: "
                        + String.join(", ", d.subList(0, Math.min(20, d.size()))) + (d.size() > 20 ? ", …" : ""));
            }
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Write a seeded synthetic amplicon table (and optionally a random tree) for benchmarks and "
                    + "tutorials. The data are simulated.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--samples", required = true, paramLabel = "N", description = "number of samples")
        int samples;

        @Option(names = "--features", required = true, paramLabel = "N", description = "number of features")
        int features;

        @Option(names = "--concentration", defaultValue = "0.05",
                description = "Dirichlet concentration per feature; smaller gives sparser, more variable samples (default 0.05)")
        double concentration;

        @Option(names = "--seed", required = true, paramLabel = "S", description = "seed: same seed, same table")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "TABLE", description = "table to write, in the format --to names")
        Path out;

        @Option(names = "--to", defaultValue = "biom-hdf5", paramLabel = "FORMAT", description = "output format (default: biom-hdf5)")
        String to;

        @Option(names = "--tree-out", paramLabel = "NWK", description = "also write a random tree over the features")
        Path treeOut;

        @Override
        public Integer call() {
            TableFileFormat format = TableFileFormat.writableFormat(to);
            // Up to one non-zero per read (depths reach 20,000) and per feature, 12 bytes each in the finished table.
            double entries = (double) Math.max(samples, 0) * Math.min(Math.max(features, 0), 20_000);
            MemoryBudget.require(12 * entries + 64.0 * ((double) samples + features),
                    "a synthetic table of " + samples + " samples × " + features + " features",
                    "generate fewer samples or features");
            FeatureTables.write(org.osteobiome.microbiome.synthetic.SyntheticCommunities.table(samples, features, concentration, seed),
                    format, out);
            if (treeOut != null) {
                String newick = org.osteobiome.microbiome.synthetic.SyntheticCommunities.newickTree(features, seed);
                org.osteobiome.core.AtomicFiles.writeText(treeOut, newick);
            }
            return 0;
        }
    }
}
