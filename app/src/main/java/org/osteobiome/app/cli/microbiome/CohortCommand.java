package org.osteobiome.app.cli.microbiome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.cohort.DifferentialAbundance;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.io.TableFileFormat;
import org.osteobiome.microbiome.map.MapAlignment;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.index.GuildIndices;
import org.osteobiome.microbiome.synthetic.SyntheticCohort;
import org.osteobiome.microbiome.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome cohort da|simulate}: cohort-level analyses. */
@Command(name = "cohort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cohort analyses: covariate-adjusted differential abundance, and seeded synthetic cohorts with planted truth.",
        subcommands = {CohortAlphaCommand.class, CohortCommand.Da.class, CohortPermanovaCommand.class, CohortCorrelateCommand.class, CohortCommand.Simulate.class})
public final class CohortCommand extends ParentCommand {

    @Command(name = "da", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Differential abundance: each retained taxon's CLR (pseudocount 0.5 on counts) regressed on the group"
                    + " (against the healthy value) and the covariates; the compositional bias of every term estimated and removed"
                    + " (in the spirit of ANCOM-BC); t tests and Benjamini–Hochberg q-values per term. A taxon absent from a whole"
                    + " group is reported as a structural zero.",
                "Prints taxon, term, log2_fold_change, std_error (natural-log scale), statistic, p_value, q_value, status (TSV)."},
            footer = {"", "Example:", "  osteobiome cohort da --table karlsson.txt --rank genus --metadata meta.txt \\",
                "      --group-column Classification --healthy NGT --covariates Age,BMI --plot volcano.png"})
    static final class Da implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CohortInputs inputs;

        @Option(names = "--out", paramLabel = "FILE.tsv", description = "write the table to FILE instead of standard output")
        Path out;

        @Option(names = "--plot", paramLabel = "FILE.png|svg", description = "volcano plot of the first group term")
        Path plot;

        @Option(names = "--q", defaultValue = "0.05", paramLabel = "Q", description = "q-value threshold marked in the plot (default 0.05)")
        double q;

        @Override
        public Integer call() {
            if (plot != null) {
                FigureWriter.isSvg(plot); // a bad extension fails before the work
            }
            FeatureTable table = inputs.readTable();
            SampleMetadata meta = Inputs.metadata(inputs.metadata, spec.commandLine().getErr());
            CohortDesign design = CohortDesign.build(table.sampleIds(), meta, inputs.groupColumn, inputs.healthy,
                    inputs.covariates, inputs.dropIncomplete);
            DifferentialAbundance.Result result = DifferentialAbundance.test(table, inputs.table.toString(), design,
                    new DifferentialAbundance.Options(inputs.minPrevalence, 0, Double.NaN));
            PrintWriter err = spec.commandLine().getErr();
            err.println("osteobiome: " + result.samples() + " samples; " + result.filter().describe() + "; pseudocount "
                    + Numbers.format(result.pseudocount()));
            if (!design.dropped().isEmpty()) {
                err.println("osteobiome: note: left out " + design.dropped().size() + " sample(s) with missing values: "
                        + String.join(", ", design.dropped().subList(0, Math.min(5, design.dropped().size())))
                        + (design.dropped().size() > 5 ? ", …" : ""));
            }
            for (int k = 0; k < result.terms().size(); k++) {
                err.println("osteobiome: compositional bias removed from " + result.terms().get(k) + ": "
                        + String.format(Locale.ROOT, "%.4f", result.bias()[k]) + " (natural log)");
            }
            List<DifferentialAbundance.Row> rows = new ArrayList<>(result.rows());
            rows.sort(Comparator.comparing(DifferentialAbundance.Row::term)
                    .thenComparingDouble(r -> Double.isNaN(r.pValue()) ? 2 : r.pValue()));
            List<List<String>> cells = new ArrayList<>();
            for (DifferentialAbundance.Row r : rows) {
                cells.add(List.of(r.taxon(), r.term(), na(r.log2FoldChange()), na(r.standardError()), na(r.statistic()),
                        na(r.pValue()), na(r.qValue()), r.status()));
            }
            if (plot != null) {
                FigureWriter.write(org.osteobiome.app.report.AnalysisFigures.volcano(result, result.terms().get(0), q), plot);
            }
            TextOutput.emit(spec, out, TextTable.tsv(List.of("taxon", "term", "log2_fold_change", "std_error", "statistic",
                    "p_value", "q_value", "status"), cells));
            return 0;
        }
    }

    static String na(double v) {
        return Double.isNaN(v) ? "NA" : Numbers.format(v);
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"A seeded synthetic cohort of postmenopausal women around a real base table: a zero-inflated"
                    + " logistic-normal model fitted to the base (prevalence, mean and spread of each taxon's log abundance; depths"
                    + " resampled), age, BMI, years since menopause and a T-score per woman, WHO groups from the T-score, and"
                    + " planted shifts in osteoporosis (half in osteopenia). SIMULATED data.",
                "Writes DIR/table.tsv, DIR/metadata.tsv and DIR/truth.tsv (the planted effects)."},
            footer = {"", "Effects file: TSV with columns taxon and log2_fold_change (osteoporosis vs normal); a taxon is a feature id",
                "or a genus name. Without --effects: butyrate producers −0.35 and Lactobacillus, Bacteroides, Ruminococcus +0.35",
                "(log2; literature-sized, MrOS: |log2FC| < 0.35).", "",
                "Example:", "  osteobiome cohort simulate --base karlsson.txt --rank genus --n 400 --seed 1 --out sim"})
    static final class Simulate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--base", required = true, paramLabel = "TABLE", description = "real base cohort table")
        Path base;

        @Option(names = "--rank", paramLabel = "RANK", description = "collapse the base to this rank first")
        String rank;

        @Option(names = "--n", required = true, paramLabel = "N", description = "women to simulate")
        int n;

        @Option(names = "--effects", paramLabel = "FILE", description = "planted effects (see below)")
        Path effects;

        @Option(names = "--seed", defaultValue = "0", description = "random seed (same seed, same cohort)")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into")
        Path out;

        @Override
        public Integer call() {
            FeatureTable baseTable = CohortInputs.read(base, rank);
            SyntheticCohort.Base fitted = SyntheticCohort.Base.fit(baseTable);
            Map<String, Double> planted = effects == null ? defaultEffects(baseTable) : readEffects(effects, baseTable);
            SyntheticCohort.Cohort cohort = SyntheticCohort.generate(fitted, n, planted, seed);
            List<List<String>> meta = new ArrayList<>();
            for (SyntheticCohort.Woman w : cohort.women()) {
                List<String> row = new ArrayList<>();
                row.add(w.id());
                row.addAll(w.cells());
                meta.add(row);
            }
            List<String> header = new ArrayList<>();
            header.add("sample_id");
            header.addAll(SyntheticCohort.COLUMNS);
            List<List<String>> truth = new ArrayList<>();
            planted.forEach((taxon, ln) -> truth.add(List.of(taxon, Numbers.format(ln / Math.log(2)), Numbers.format(ln))));
            FeatureTables.write(cohort.table(), TableFileFormat.writableFormat("tsv"), out.resolve("table.tsv"));
            AtomicFiles.writeText(out.resolve("metadata.tsv"), "# SIMULATED cohort (osteobiome cohort simulate, seed " + seed
                    + ", base " + base.getFileName() + ")\n" + TextTable.tsv(header, meta));
            AtomicFiles.writeText(out.resolve("truth.tsv"), "# planted effects in osteoporosis (half in osteopenia); SIMULATED\n"
                    + TextTable.tsv(List.of("taxon", "log2_fold_change", "natural_log_effect"), truth));
            long[] groups = new long[3];
            for (SyntheticCohort.Woman w : cohort.women()) {
                groups[w.boneStatus().equals("normal") ? 0 : w.boneStatus().equals("osteopenia") ? 1 : 2]++;
            }
            spec.commandLine().getOut().println("wrote " + n + " simulated women (" + groups[0] + " normal, " + groups[1]
                    + " osteopenia, " + groups[2] + " osteoporosis) × " + cohort.table().featureCount() + " taxa, " + planted.size()
                    + " planted shifts, to " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }

        static Map<String, Double> defaultEffects(FeatureTable t) {
            Map<String, Double> out = new LinkedHashMap<>();
            boolean[] butyrate = GuildIndices.members(t, GuildIndices.BUTYRATE_GENERA);
            List<String> higher = List.of("Lactobacillus", "Bacteroides", "Ruminococcus");
            double step = 0.35 * Math.log(2);
            for (int f = 0; f < t.featureCount(); f++) {
                String genus = GuildIndices.genusOf(t, f);
                if (butyrate[f]) {
                    out.put(t.featureIds().get(f), -step);
                } else if (higher.contains(genus)) {
                    out.put(t.featureIds().get(f), step);
                }
            }
            if (out.isEmpty()) {
                throw OsteobiomeException.invalid("the base table names none of the default taxa (butyrate producers, Lactobacillus, "
                        + "Bacteroides, Ruminococcus); give the shifts with --effects");
            }
            return out;
        }

        static Map<String, Double> readEffects(Path file, FeatureTable t) {
            SampleMetadata rows = org.osteobiome.microbiome.metadata.MetadataReader.read(file);
            int col = rows.columnIndex("log2_fold_change");
            Map<String, Integer> byName = new java.util.HashMap<>();
            for (int f = 0; f < t.featureCount(); f++) {
                byName.putIfAbsent(GuildIndices.genusOf(t, f).toLowerCase(Locale.ROOT), f);
                byName.putIfAbsent(MapAlignment.nameOf(t, f).toLowerCase(Locale.ROOT), f);
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (int r = 0; r < rows.sampleIds().size(); r++) {
                String taxon = rows.sampleIds().get(r);
                int f = t.featureIndex(taxon);
                if (f < 0) {
                    f = byName.getOrDefault(taxon.toLowerCase(Locale.ROOT), -1);
                }
                if (f < 0) {
                    throw OsteobiomeException.unknown(file + ", row " + (r + 1) + ": taxon '" + taxon
                            + "' is neither a feature id nor a genus of the base table");
                }
                String cell = rows.cells().get(r)[col];
                double v;
                try {
                    v = Double.parseDouble(cell == null ? "" : cell.strip());
                } catch (NumberFormatException e) {
                    throw OsteobiomeException.invalid(file + ", row " + (r + 1) + ": log2_fold_change '" + cell + "' is not a number");
                }
                out.put(t.featureIds().get(f), v * Math.log(2));
            }
            return out;
        }
    }
}
