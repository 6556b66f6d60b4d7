package org.osteobiome.app.cli.microbiome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.synthetic.PowerStudy;
import org.osteobiome.microbiome.synthetic.SyntheticCohort;
import org.osteobiome.microbiome.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome power}: how many women a study needs to detect the planted shifts, by simulation. */
@Command(name = "power", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Power by simulation: for each cohort size, --replicates cohorts are simulated around the base (as"
                + " 'cohort simulate', with the planted --effects) and analysed: differential abundance (share of planted taxa"
                + " found at q ≤ α, and the share of findings that were not planted), PERMANOVA on Aitchison distances (group"
                + " after age and BMI, 199 permutations), and the cross-validated elastic-net AUROC (share of cohorts whose"
                + " DeLong interval excludes 0.5).",
            "Prints n, replicates, da_power, da_false_discovery_share, permanova_power, mean_auroc, auroc_power (TSV)."},
        footer = {"", "Example:", "  osteobiome power --effects effects.tsv --n 50,100,200,400 --replicates 20 --seed 1 --plot power.png",
            "", "The effects file is the one of 'cohort simulate' (taxon, log2_fold_change; full in osteoporosis, half in"
                + " osteopenia); without it, the literature-sized defaults (±0.35 log2)."})
public final class PowerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--base", paramLabel = "TABLE",
            description = "real base cohort (default: the shipped Karlsson 2013 table, collapsed to --rank)")
    Path base;

    @Option(names = "--rank", defaultValue = "genus", paramLabel = "RANK", description = "rank to collapse the base to (default genus)")
    String rank;

    @Option(names = "--effects", paramLabel = "FILE", description = "planted effects (as 'cohort simulate')")
    Path effects;

    @Option(names = "--n", required = true, split = ",", paramLabel = "N", description = "cohort sizes, comma-separated")
    int[] sizes;

    @Option(names = "--replicates", defaultValue = "20", paramLabel = "R", description = "cohorts per size (default 20)")
    int replicates;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A", description = "significance level (default 0.05)")
    double alpha;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (same seed, same result)")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; results do not depend on it)")
    Integer threads;

    @Option(names = "--plot", paramLabel = "FILE.png|svg", description = "power against cohort size")
    Path plot;

    @Option(names = "--out", paramLabel = "FILE.tsv", description = "write the table to FILE instead of standard output")
    Path out;

    @Option(names = "--no-progress", description = "do not draw a progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        if (plot != null) {
            FigureWriter.isSvg(plot);
        }
        int workers = ModelRuns.threads(threads);
        Path table = base != null ? base : Path.of(System.getProperty("osteobiome.home", ".")).resolve("data/real/karlsson2013/taxatable.txt");
        if (base == null && !Files.exists(table)) {
            throw OsteobiomeException.invalid("the shipped base table " + table + " is missing; give one with --base");
        }
        FeatureTable baseTable = CohortInputs.read(table, rank);
        Map<String, Double> planted = effects == null ? CohortCommand.Simulate.defaultEffects(baseTable)
                : CohortCommand.Simulate.readEffects(effects, baseTable);
        int[] ordered = Arrays.stream(sizes).sorted().distinct().toArray();
        List<PowerStudy.Row> rows;
        try (CliProgress bar = CliProgress.start("power", !noProgress)) {
            rows = PowerStudy.run(SyntheticCohort.Base.fit(baseTable), planted, ordered, replicates, alpha, seed, workers, bar.reporter());
        }
        var err = spec.commandLine().getErr();
        err.println("osteobiome: SIMULATED cohorts around " + table.getFileName() + " (" + rank + "), " + planted.size()
                + " planted shifts, " + replicates + " replicates per size, α " + Numbers.format(alpha) + ", seed " + seed);
        for (PowerStudy.Row r : rows) {
            for (String f : r.failures()) {
                err.println("osteobiome: warning: " + f);
            }
        }
        err.flush();
        List<List<String>> cells = new ArrayList<>();
        for (PowerStudy.Row r : rows) {
            cells.add(List.of(String.valueOf(r.n()), String.valueOf(r.replicates()), Numbers.format(r.daPower()),
                    Numbers.format(r.daFdr()), Numbers.format(r.permanovaPower()), Numbers.format(r.auroc()), Numbers.format(r.aurocPower())));
        }
        if (plot != null) {
            double[] x = rows.stream().mapToDouble(PowerStudy.Row::n).toArray();
            List<Figure.Line> lines = List.of(
                    new Figure.Line("differential abundance: planted taxa found", x, rows.stream().mapToDouble(PowerStudy.Row::daPower).toArray()),
                    new Figure.Line("PERMANOVA rejects (group after age, BMI)", x,
                            rows.stream().mapToDouble(PowerStudy.Row::permanovaPower).toArray()),
                    new Figure.Line("classifier AUROC interval excludes 0.5", x, rows.stream().mapToDouble(PowerStudy.Row::aurocPower).toArray()),
                    new Figure.Line("mean cross-validated AUROC", x, rows.stream().mapToDouble(PowerStudy.Row::auroc).toArray()));
            FigureWriter.write(new Figure("Power by simulation (" + replicates + " SIMULATED cohorts per size, α "
                    + Numbers.format(alpha) + ")", "women per cohort", List.of(new Figure.Panel("power (share of cohorts) / AUROC (dimensionless)",
                    lines, List.of())), "Each line is the share of the " + replicates + " simulated cohorts of each size in which"
                    + " the analysis finds the planted difference (the mean AUROC line is the classifier's accuracy itself). Simulated"
                    + " cohorts around a real base table, seed " + seed + "; power is estimated, not measured."), plot);
        }
        TextOutput.emit(spec, out, TextTable.tsv(List.of("n", "replicates", "da_power", "da_false_discovery_share", "permanova_power",
                "mean_auroc", "auroc_power"), cells));
        return 0;
    }
}
