package org.osteobiome.app.cli.microbiome;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.map.MapBuilder;
import org.osteobiome.microbiome.map.MapFile;
import org.osteobiome.microbiome.map.ReferenceMap;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome map build|show|score}: the reference map of a cohort and reports of new samples against it. */
@Command(name = "map", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build a reference map of the gut microbiome from a cohort, inspect it, and score new samples against it.",
        subcommands = {MapCommand.Build.class, MapCommand.Show.class, MapCommand.Score.class})
public final class MapCommand extends ParentCommand {

    @Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Builds a versioned reference map (.osmap): differential abundance with covariates, the retained taxa's"
                    + " reference distributions per group, Shannon, butyrate-producer proxy, Lactobacillus and a learned bone index,"
                    + " the Aitchison PCoA, and an elastic-net classifier of healthy vs at-risk women under repeated, stratified,"
                    + " nested cross-validation. Prints the cross-validated performance."},
            footer = {"", "Example:", "  osteobiome map build --table sim/table.tsv --metadata sim/metadata.tsv \\",
                "      --group-column bone_status --healthy normal --covariates age,bmi --seed 1 --out cohort.osmap"})
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CohortInputs inputs;

        @Option(names = "--alpha", defaultValue = "1", paramLabel = "A", description = "elastic-net mixing, 1 = lasso (default 1)")
        double alpha;

        @Option(names = "--cv-repeats", defaultValue = "5", paramLabel = "R", description = "outer cross-validation repeats (default 5)")
        int repeats;

        @Option(names = "--cv-folds", defaultValue = "5", paramLabel = "K", description = "outer folds (default 5)")
        int folds;

        @Option(names = "--inner-folds", defaultValue = "5", paramLabel = "K", description = "inner folds that choose λ (default 5)")
        int innerFolds;

        @Option(names = "--trees", defaultValue = "500", paramLabel = "N",
                description = "trees of the random forest cross-validated beside the elastic net on the same folds (default 500; 0: none)")
        int trees;

        @Option(names = "--seed", defaultValue = "0", description = "random seed (same seed, same map)")
        long seed;

        @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; the map does not depend on it)")
        Integer threads;

        @Option(names = "--label", paramLabel = "TEXT", description = "what the data are, shown on every report (e.g. 'SIMULATED cohort')")
        String label;

        @Option(names = "--no-progress", description = "do not draw a progress bar")
        boolean noProgress;

        @Option(names = "--out", required = true, paramLabel = "FILE.osmap", description = "map file to write (replaced only when complete)")
        Path out;

        @Option(names = "--plots", paramLabel = "DIR", description = "also write the cross-validated ROC curves and calibration "
                + "(roc.png, calibration.png) into DIR")
        Path plots;

        @Override
        public Integer call() {
            int workers = ModelRuns.threads(threads);
            ElasticNetCv.Settings cv = new ElasticNetCv.Settings(repeats, folds, innerFolds, alpha, seed);
            FeatureTable table = inputs.readTable();
            SampleMetadata meta = Inputs.metadata(inputs.metadata, spec.commandLine().getErr());
            List<ReferenceMap.InputFile> files = List.of(input("table", inputs.table), input("metadata", inputs.metadata));
            String command = "osteobiome " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
                    .map(a -> a.isEmpty() || a.matches(".*[\\s'\"$].*") ? "'" + a.replace("'", "'\\''") + "'" : a).toList());
            MapBuilder.Provenance provenance = new MapBuilder.Provenance(VersionProvider.version(), command, files,
                    label == null ? "cohort " + inputs.table.getFileName() : label, inputs.rank);
            MapBuilder.Settings settings = new MapBuilder.Settings(inputs.groupColumn, inputs.healthy, inputs.covariates,
                    inputs.dropIncomplete, inputs.minPrevalence, cv, trees);
            ReferenceMap map;
            try (CliProgress bar = CliProgress.start("map build", !noProgress)) {
                Progress progress = bar.reporter();
                int total = MapBuilder.fitCount(settings);
                map = MapBuilder.build(table, inputs.table.toString(), meta, settings, provenance, workers,
                        done -> progress.report(done, total));
            }
            MapFile.write(map, out);
            if (plots != null) {
                org.osteobiome.app.report.FigureWriter.write(org.osteobiome.app.report.ClassifierFigures.roc(map), plots.resolve("roc.png"));
                org.osteobiome.app.report.FigureWriter.write(org.osteobiome.app.report.ClassifierFigures.calibration(map),
                        plots.resolve("calibration.png"));
            }
            PrintWriter o = spec.commandLine().getOut();
            describe(map, o);
            o.println("wrote\t" + out);
            o.flush();
            return 0;
        }

        private static ReferenceMap.InputFile input(String role, Path file) {
            try {
                return new ReferenceMap.InputFile(role, file.getFileName().toString(), MapFile.sha256(file), Files.size(file));
            } catch (java.io.IOException e) {
                throw OsteobiomeException.cannotRead(file, e);
            }
        }
    }

    static void describe(ReferenceMap map, PrintWriter o) {
        ReferenceMap.Performance p = map.classifier().performance();
        o.println("map_format\t" + map.formatVersion());
        o.println("built_by\tosteobiome " + map.toolVersion());
        o.println("data\t" + map.dataLabel());
        o.println("command\t" + map.command());
        o.println("seed\t" + map.seed());
        for (ReferenceMap.InputFile in : map.inputs()) {
            o.println("input\t" + in.role() + "\t" + in.name() + "\t" + in.sha256());
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < map.levels().size(); g++) {
            groups.add(map.levels().get(g) + " " + map.groupSizes()[g]);
        }
        o.println("groups\t" + map.groupColumn() + "\t" + String.join(", ", groups) + "\t(healthy: " + map.healthy() + ")");
        o.println("taxa\t" + map.features().size() + "\t" + map.filter());
        o.println(String.format(Locale.ROOT, "cv_auroc\t%.4f\t[%.4f, %.4f]\t(DeLong 95%%; %d × %d-fold, inner %d-fold; %d at risk, %d healthy)",
                p.auroc(), p.aurocLower(), p.aurocUpper(), p.repeats(), p.folds(), p.innerFolds(), p.cases(), p.controls()));
        o.println(String.format(Locale.ROOT, "cv_auprc\t%.4f", p.auprc()));
        o.println(String.format(Locale.ROOT, "cv_balanced_accuracy\t%.4f\t(threshold %.4f, the at-risk share)", p.balancedAccuracy(),
                p.threshold()));
        ReferenceMap.Classifier c = map.classifier();
        int nonZero = 0;
        for (double b : c.coefficients()) {
            nonZero += b != 0 ? 1 : 0;
        }
        o.println(String.format(Locale.ROOT, "classifier\telastic net α %.2f, λ %.4g, %d non-zero taxa", c.alpha(), c.lambda(), nonZero));
        ReferenceMap.Forest f = map.forest();
        if (f != null) {
            ReferenceMap.Performance fp = f.performance();
            o.println(String.format(Locale.ROOT, "forest_cv_auroc\t%.4f\t[%.4f, %.4f]\t(random forest, %d trees, mtry %d; same folds)",
                    fp.auroc(), fp.aurocLower(), fp.aurocUpper(), f.trees(), f.mtry()));
            o.println(String.format(Locale.ROOT, "forest_cv_auprc\t%.4f", fp.auprc()));
            o.println(String.format(Locale.ROOT, "forest_cv_balanced_accuracy\t%.4f", fp.balancedAccuracy()));
        }
        for (ReferenceMap.IndexDefinition i : map.indices()) {
            o.println("index\t" + i.name() + "\t" + i.unit() + "\t" + i.description());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "What a map holds: provenance, groups, taxa, cross-validated performance, indices and its most stable taxa.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.osmap", description = "the map to describe")
        Path file;

        @Override
        public Integer call() {
            ReferenceMap map = MapFile.read(file);
            PrintWriter o = spec.commandLine().getOut();
            describe(map, o);
            ReferenceMap.Classifier c = map.classifier();
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < c.coefficients().length; j++) {
                if (c.coefficients()[j] != 0 || c.stability()[j] >= 0.5) {
                    order.add(j);
                }
            }
            order.sort((a, b) -> Double.compare(c.stability()[b], c.stability()[a]));
            o.println();
            o.println("taxon\tcoefficient\tstability");
            for (int j : order.subList(0, Math.min(20, order.size()))) {
                o.println(map.featureNames().get(j) + "\t" + Numbers.format(c.coefficients()[j]) + "\t" + Numbers.format(c.stability()[j]));
            }
            ReferenceMap.Forest forest = map.forest();
            if (forest != null) {
                List<Integer> ranked = new ArrayList<>();
                for (int j = 0; j < forest.importance().length; j++) {
                    ranked.add(j);
                }
                ranked.sort((a, b) -> Double.compare(forest.importance()[b], forest.importance()[a]));
                o.println();
                o.println("taxon\tforest_importance\tforest_stability");
                for (int j : ranked.subList(0, Math.min(20, ranked.size()))) {
                    o.println(map.featureNames().get(j) + "\t" + Numbers.format(forest.importance()[j]) + "\t"
                            + Numbers.format(forest.stability()[j]));
                }
            }
            o.flush();
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Scores every sample of a table (or one, with --sample-id) against a map: at-risk probability with the"
                    + " range of the cross-validation models, place on the map, indices and key taxa against the healthy reference,"
                    + " data-quality warnings; with --forecast, her bone forecast too (see 'osteobiome forecast')."
                    + " Research use only; not a diagnostic device.",
                "--out FILE.html writes one report page, FILE.json the same as data, FILE.tsv one row per sample."},
            footer = {"", "Example:", "  osteobiome map score --map cohort.osmap --sample her.tsv --out report.html"})
    static final class Score implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ScoreRequest request;

        @Option(names = "--forecast", description = "add the bone forecast (options as 'osteobiome forecast')")
        boolean forecast;

        @Mixin
        ForecastOptions forecastOptions;

        @Option(names = "--no-progress", description = "do not draw a progress bar")
        boolean noProgress;

        @Override
        public Integer call() {
            return request.run(spec, forecast ? forecastOptions : null, !noProgress);
        }
    }
}
