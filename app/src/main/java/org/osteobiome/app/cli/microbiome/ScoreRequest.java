package org.osteobiome.app.cli.microbiome;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.app.service.SampleScoring;
import org.osteobiome.app.report.ForecastReport;
import org.osteobiome.app.report.MapReport;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.app.report.TrajectoryWriter;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.map.MapFile;
import org.osteobiome.microbiome.map.MapScorer;
import org.osteobiome.microbiome.map.ReferenceMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What {@code map score} and {@code forecast} share: the map, the samples, the report, and the run itself. */
final class ScoreRequest {
    @Option(names = "--map", required = true, paramLabel = "FILE.osmap", description = "reference map")
    Path mapFile;

    @Option(names = "--sample", required = true, paramLabel = "TABLE", description = "table with the sample(s) to score")
    Path sample;

    @Option(names = "--sample-id", paramLabel = "ID", description = "score only this sample")
    String sampleId;

    @Option(names = "--out", required = true, paramLabel = "REPORT.html|json|tsv", description = "report to write")
    Path out;

    /** Scores the samples, forecasts each when {@code forecast} is given, writes the report and prints what it did. */
    int run(CommandSpec spec, ForecastOptions forecast, boolean showProgress) {
        String kind = extension(out);
        BoneForecast.Settings settings = forecast == null ? null : forecast.settings();
        ReferenceMap map = MapFile.read(mapFile);
        SampleScoring.Scored scored;
        try (CliProgress bar = CliProgress.start("forecast", showProgress && settings != null)) {
            scored = SampleScoring.run(map, sample, sample.toString(), sampleId, settings, bar.reporter());
        }
        List<MapScorer.Score> scores = scored.scores();
        List<BoneForecast.Result> forecasts = scored.forecasts();
        switch (kind) {
            case "html" -> AtomicFiles.writeText(out, MapReport.html(map, scores, mapFile.getFileName().toString(), forecasts));
            case "json" -> AtomicFiles.writeText(out, json(map, scores, forecasts));
            default -> AtomicFiles.writeText(out, tsv(map, scores, forecasts));
        }
        PrintWriter err = spec.commandLine().getErr();
        for (MapScorer.Score s : scores) {
            for (String w : s.warnings()) {
                err.println("osteobiome: warning: " + s.sampleId() + ": " + w);
            }
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        for (BoneForecast.Result r : forecasts) {
            int last = r.untreated().years().length - 1;
            for (BoneForecast.Arm arm : r.arms()) {
                o.println(String.format(Locale.ROOT, "forecast\t%s\t%s\tBMD %.1f%% → %.1f%% of menopause value (5–95%%: %.1f–%.1f)",
                        scores.get(forecasts.indexOf(r)).sampleId(), arm.name(), arm.typical()[0], arm.typical()[last],
                        arm.bands()[0][last], arm.bands()[4][last]));
            }
        }
        o.println("scored " + scores.size() + " sample(s) against " + mapFile.getFileName() + (forecasts.isEmpty() ? "" : " with forecasts")
                + "; wrote " + out);
        o.flush();
        return 0;
    }

    private static String extension(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : List.of("html", "json", "tsv")) {
            if (name.endsWith("." + ext)) {
                return ext;
            }
        }
        throw OsteobiomeException.invalid("--out " + out + ": name the report .html, .json or .tsv");
    }

    static String json(ReferenceMap map, List<MapScorer.Score> scores, List<BoneForecast.Result> forecasts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("notice", TrajectoryWriter.NOTICE);
        doc.put("limits", MapReport.LIMITS);
        if (!forecasts.isEmpty()) {
            doc.put("forecast_limits", ForecastReport.LIMITS);
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("data", map.dataLabel());
        about.put("built_by", "osteobiome " + map.toolVersion());
        about.put("format_version", map.formatVersion());
        about.put("command", map.command());
        about.put("seed", map.seed());
        about.put("inputs", map.inputs());
        about.put("cv_auroc", List.of(map.classifier().performance().auroc(), map.classifier().performance().aurocLower(),
                map.classifier().performance().aurocUpper()));
        doc.put("map", about);
        doc.put("samples", scores);
        if (!forecasts.isEmpty()) {
            doc.put("forecasts", forecasts);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tsv(ReferenceMap map, List<MapScorer.Score> scores, List<BoneForecast.Result> forecasts) {
        List<String> header = new ArrayList<>(List.of("sample_id", "probability", "lower", "upper", "pcoa1", "pcoa2"));
        for (ReferenceMap.IndexDefinition i : map.indices()) {
            header.add(i.name());
            header.add(i.name() + "_healthy_percentile");
        }
        header.addAll(List.of("map_taxa_found", "reads_on_map_taxa", "warnings"));
        if (!forecasts.isEmpty()) {
            header.addAll(List.of("F_set", "L_res", "forecast_end_year", "bmd_end_no_supplement", "bmd_end_supplement",
                    "supplement_difference_median", "supplement_difference_p5", "supplement_difference_p95"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < scores.size(); k++) {
            MapScorer.Score s = scores.get(k);
            List<String> row = new ArrayList<>(List.of(s.sampleId(), Numbers.format(s.probability()), Numbers.format(s.lower()),
                    Numbers.format(s.upper()), Numbers.format(s.coordinates()[0]),
                    s.coordinates().length > 1 ? Numbers.format(s.coordinates()[1]) : "NA"));
            for (MapScorer.Measure m : s.indices()) {
                row.add(Numbers.format(m.value()));
                row.add(Numbers.format(m.percentile()));
            }
            row.addAll(List.of(String.valueOf(s.matched()), Numbers.format(s.coveredShare()), String.join(" | ", s.warnings())));
            if (!forecasts.isEmpty()) {
                BoneForecast.Result r = forecasts.get(k);
                int last = r.untreated().years().length - 1;
                boolean treated = r.arms().size() > 1;
                double[] d = r.endGain();
                row.addAll(List.of(Numbers.format(r.inputs().fSet()), Numbers.format(r.inputs().lRes()),
                        Numbers.format(r.untreated().years()[last]), Numbers.format(r.untreated().typical()[last]),
                        treated ? Numbers.format(r.arms().get(1).typical()[last]) : "NA", d.length > 0 ? Numbers.format(d[2]) : "NA",
                        d.length > 0 ? Numbers.format(d[0]) : "NA", d.length > 0 ? Numbers.format(d[4]) : "NA"));
            }
            rows.add(row);
        }
        return "# " + TrajectoryWriter.NOTICE + "; map data: " + map.dataLabel() + "\n" + TextTable.tsv(header, rows);
    }
}
