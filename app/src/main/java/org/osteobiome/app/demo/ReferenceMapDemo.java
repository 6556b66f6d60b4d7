package org.osteobiome.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.app.forecast.GutInputs;
import org.osteobiome.app.report.HtmlPage;
import org.osteobiome.app.report.MapReport;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.index.GuildIndices;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.map.MapBuilder;
import org.osteobiome.microbiome.map.MapFile;
import org.osteobiome.microbiome.map.MapScorer;
import org.osteobiome.microbiome.map.ReferenceMap;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.synthetic.SyntheticCohort;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/**
 * The reference-map part of the demo: a simulated cohort of 400 postmenopausal women around the real Karlsson 2013
 * genus profiles, a map built from it, and the report of a new simulated woman scored against it.
 */
public final class ReferenceMapDemo {
    private ReferenceMapDemo() {
    }

    public static List<DemoSection> sections() {
        return List.of(DemoSection.of("reference map", ReferenceMapDemo::run));
    }

    private static void run(Path out, HtmlPage page) {
        Path folder = out.resolve("map");
        Path karlsson = Path.of(System.getProperty("osteobiome.home", ".")).resolve("data/real/karlsson2013/taxatable.txt");
        FeatureTable base;
        String baseName;
        if (Files.exists(karlsson)) {
            base = TaxonomyCollapse.collapse(FeatureTables.read(karlsson).table(), Rank.GENUS, karlsson.toString());
            baseName = "Karlsson 2013 genus profiles (144 Swedish women about 70 years old)";
        } else {
            base = SyntheticCommunities.table(100, 300, 0.5, 1);
            baseName = "a synthetic base table (the repository's data/ folder was not found)";
        }
        // shifts larger than the literature's (|log2FC| < 0.35) so that the demo map has something to find
        Map<String, Double> effects = new LinkedHashMap<>();
        boolean[] butyrate = GuildIndices.members(base, GuildIndices.BUTYRATE_GENERA);
        for (int f = 0; f < base.featureCount(); f++) {
            String genus = GuildIndices.genusOf(base, f);
            if (butyrate[f]) {
                effects.put(base.featureIds().get(f), -1.0 * Math.log(2));
            } else if (List.of("Lactobacillus", "Bacteroides", "Ruminococcus").contains(genus)) {
                effects.put(base.featureIds().get(f), 0.8 * Math.log(2));
            }
        }
        if (effects.isEmpty()) {
            for (int f = 0; f < 6; f++) {
                effects.put(base.featureIds().get(f), (f % 2 == 0 ? -1.0 : 1.0) * Math.log(2));
            }
        }
        SyntheticCohort.Base fitted = SyntheticCohort.Base.fit(base);
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(fitted, 400, effects, 1);
        SyntheticCohort.Cohort newWoman = SyntheticCohort.generate(fitted, 1, effects, 77);
        FeatureTables.write(cohort.table(), org.osteobiome.microbiome.io.TableFileFormat.writableFormat("tsv"),
                folder.resolve("simulated-cohort.tsv"));
        SampleMetadata metadata = cohort.metadata();
        MapBuilder.Settings settings = new MapBuilder.Settings("bone_status", "normal", List.of("age", "bmi"), false, 0.25,
                new ElasticNetCv.Settings(3, 5, 5, 1, 1));
        MapBuilder.Provenance provenance = new MapBuilder.Provenance(VersionProvider.version(), "osteobiome demo", List.of(),
                "SIMULATED cohort around " + baseName, "genus");
        ReferenceMap map = MapBuilder.build(cohort.table(), "simulated cohort", metadata, settings, provenance,
                Runtime.getRuntime().availableProcessors(), done -> { });
        MapFile.write(map, folder.resolve("cohort.osmap"));
        List<MapScorer.Score> scores = MapScorer.score(map, newWoman.table(), "new simulated woman");
        SyntheticCohort.Woman her = newWoman.women().get(0);
        double startYear = Math.min(30, Math.rint(her.yearsSinceMenopause()));
        BoneForecast.Result forecast = BoneForecast.run(GutInputs.from(scores.get(0)), new BoneForecast.Settings(startYear, 10, 10,
                BoneForecast.Menopause.NATURAL, 200, 1, Runtime.getRuntime().availableProcessors()), (d, n) -> { });
        AtomicFiles.writeText(folder.resolve("report.html"), MapReport.html(map, scores, "cohort.osmap", List.of(forecast)));
        ReferenceMap.Performance p = map.classifier().performance();
        page.heading("Reference map of a simulated cohort, and one woman's report");
        page.paragraph("SIMULATED data: 400 postmenopausal women drawn around " + baseName + " (zero-inflated logistic-normal "
                + "model), with butyrate producers planted 2-fold lower and Lactobacillus, Bacteroides and Ruminococcus 1.7-fold "
                + "higher in osteoporosis (half in osteopenia) — larger shifts than published cohorts show. From it, "
                + "`osteobiome map build` keeps " + map.features().size() + " genera and separates at-risk from healthy women with "
                + String.format(Locale.ROOT, "a cross-validated AUROC of %.2f (DeLong 95%% %.2f–%.2f; %d × %d-fold, nested).",
                p.auroc(), p.aurocLower(), p.aurocUpper(), p.repeats(), p.folds()));
        MapScorer.Score s = scores.get(0);
        page.paragraph(String.format(Locale.ROOT, "A new simulated woman (%s, truly '%s'): at-risk probability %.2f (fold models "
                + "%.2f–%.2f).", s.sampleId(), newWoman.women().get(0).boneStatus(), s.probability(), s.lower(), s.upper()));
        int last = forecast.untreated().years().length - 1;
        page.paragraph(String.format(Locale.ROOT, "Her forecast from year %.0f after menopause (the model's gut inputs set from her "
                + "butyrate-producer proxy and Lactobacillus: F_set %.2f, L_res %.2f): lumbar-spine BMD %.1f%% of its menopause value "
                + "after 10 more years without supplement, %.1f%% with L. acidophilus 1e10 CFU/day (median gain over 200 virtual "
                + "women %+.1f percentage points).", startYear, forecast.inputs().fSet(), forecast.inputs().lRes(),
                forecast.untreated().typical()[last], forecast.arms().get(1).typical()[last], forecast.endGain()[2]));
        page.link("map/report.html", "Her report: probability, place on the map, indices and key taxa against the healthy reference, "
                + "and her bone forecast with and without supplement");
        page.link("map/cohort.osmap", "The map (cohort.osmap; `osteobiome map show map/cohort.osmap`)");
    }
}
