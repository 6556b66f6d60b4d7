package org.osteobiome.app.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.app.forecast.GutInputs;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.map.MapScorer;
import org.osteobiome.microbiome.map.ReferenceMap;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Lineage;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/** Scoring samples against a map, and forecasting each, as {@code map score}, {@code forecast} and the web's sample page do it. */
public final class SampleScoring {
    private SampleScoring() {
    }

    /** The scores, and a forecast per score when one was asked for (else empty). */
    public record Scored(List<MapScorer.Score> scores, List<BoneForecast.Result> forecasts) {
    }

    /**
     * Reads the samples (collapsed to the map's rank when the table has lineages), keeps {@code sampleId} alone when given,
     * scores them and, with {@code forecast} settings, forecasts each; {@code name} is the table's name in messages.
     */
    public static Scored run(ReferenceMap map, Path table, String name, String sampleId, BoneForecast.Settings forecast, Progress progress) {
        FeatureTable t = readSample(map, table, name);
        if (sampleId != null) {
            int s = t.sampleIndex(sampleId);
            if (s < 0) {
                throw OsteobiomeException.unknown(name + " has no sample '" + sampleId + "'; it has "
                        + String.join(", ", t.sampleIds().subList(0, Math.min(5, t.sampleCount()))) + (t.sampleCount() > 5 ? ", …" : ""));
            }
            t = t.selectSamples(new int[] {s});
        }
        List<MapScorer.Score> scores = MapScorer.score(map, t, name);
        List<BoneForecast.Result> forecasts = new ArrayList<>();
        if (forecast != null) {
            for (int i = 0; i < scores.size(); i++) {
                int done = i;
                int count = scores.size();
                forecasts.add(BoneForecast.run(GutInputs.from(scores.get(i)), forecast, (k, n) -> progress.report(done * n + k, count * n)));
            }
        }
        return new Scored(scores, forecasts);
    }

    private static FeatureTable readSample(ReferenceMap map, Path file, String name) {
        FeatureTable t = FeatureTables.read(file).table();
        boolean hasLineages = t.taxonomy().isPresent() || t.featureIds().stream().anyMatch(Lineage::looksLikeLineage);
        if (map.rank() != null && (hasLineages || t.isCumulative())) {
            t = TaxonomyCollapse.collapse(t, Rank.parse(map.rank()), name);
        }
        return t;
    }
}
