package org.osteobiome.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.app.report.AnalysisFigures;
import org.osteobiome.app.report.MapReport;
import org.osteobiome.app.report.TrajectoryWriter;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.service.SampleScoring;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.map.MapFile;
import org.osteobiome.microbiome.map.ReferenceMap;

/**
 * Scoring an uploaded sample table against a stored map, with an optional bone forecast: the whole report is computed
 * before anything is stored, then stored as one result (with the print-ready HTML report) in one transaction.
 */
public final class SampleReports {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Virtual women per forecast arm on the server (the command allows more). */
    static final int MAX_POPULATION = 500;

    private SampleReports() {
    }

    /** Maps read recently, by the SHA-256 of their file (a stored map never changes): scoring does not re-read them. */
    private static final Map<String, ReferenceMap> RECENT = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReferenceMap> eldest) {
            return size() > 4;
        }
    });

    /** The stored map file, checked against its checksum as any .osmap is (once per map while it is in use). */
    public static ReferenceMap read(Store.StoredMap stored) {
        ReferenceMap cached = RECENT.get(stored.sha256());
        if (cached != null) {
            return cached;
        }
        ReferenceMap map = readFile(stored);
        if (!MapFile.sha256(Base64.getDecoder().decode(stored.osmapBase64())).equals(stored.sha256())) {
            throw HttpError.badRequest("stored map " + stored.name() + " does not match its recorded SHA-256; restore it from a backup");
        }
        RECENT.put(stored.sha256(), map);
        return map;
    }

    private static ReferenceMap readFile(Store.StoredMap stored) {
        try (Uploads tmp = new Uploads()) {
            Path file = tmp.dir().resolve("map.osmap");
            Files.write(file, Base64.getDecoder().decode(stored.osmapBase64()));
            try {
                return MapFile.read(file);
            } catch (OsteobiomeException e) {
                throw HttpError.badRequest(tmp.clean(e.getMessage()).replace("map.osmap", "stored map " + stored.name()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot stage the stored map: " + e.getMessage(), e);
        }
    }

    public static long score(Context ctx, Services services, Principal p, Store.Project project, Store.StoredMap stored) throws IOException {
        if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
            throw HttpError.forbidden("scoring samples needs the researcher or admin role in " + project.teamName());
        }
        UploadedFile sample = Uploads.file(ctx, "sample", services);
        if (sample == null || sample.size() == 0) {
            throw HttpError.badRequest("choose the sample's table (TSV, BIOM, .qza or MetaPhlAn; one or more samples)");
        }
        String sampleId = blank(ctx.formParam("sample_id")) ? null : ctx.formParam("sample_id").strip();
        BoneForecast.Settings forecast = "on".equals(ctx.formParam("forecast")) || "true".equals(ctx.formParam("forecast"))
                ? forecastSettings(ctx, services) : null;
        ReferenceMap map = read(stored);
        try (Uploads files = new Uploads()) {
            Uploads.Saved saved = files.save(sample, "s", "sample.tsv");
            SampleScoring.Scored scored;
            try {
                scored = services.compute(() -> SampleScoring.run(map, saved.path(), saved.name(), sampleId, forecast, Progress.NONE));
            } catch (OsteobiomeException e) {
                throw HttpError.badRequest(files.clean(e.getMessage()));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("notice", TrajectoryWriter.NOTICE);
            payload.put("limits", MapReport.LIMITS);
            payload.put("map_id", stored.id());
            payload.put("map_name", stored.name());
            payload.put("map_data", map.dataLabel());
            payload.put("healthy", map.healthy());
            payload.put("sample_file", sample.filename());
            payload.put("scores", scored.scores());
            List<Object> figures = new ArrayList<>();
            for (int i = 0; i < scored.forecasts().size(); i++) {
                figures.add(AnalysisFigures.forecast(scored.scores().get(i).sampleId(), scored.forecasts().get(i)));
            }
            payload.put("figures", figures);
            payload.put("forecast_summary", forecastSummary(scored));
            payload.put("report_html", MapReport.html(map, scored.scores(), stored.name() + ".osmap", scored.forecasts()));
            Map<String, String> options = new LinkedHashMap<>();
            options.put("map", stored.name() + " (SHA-256 " + stored.sha256() + ")");
            options.put("sample id", sampleId == null ? "every sample" : sampleId);
            options.put("forecast", forecast == null ? "no" : "start year " + forecast.startYear() + ", " + forecast.years() + " years, dose "
                    + forecast.dose() + " × 1e9 CFU/day, " + forecast.menopause().name().toLowerCase(java.util.Locale.ROOT) + " menopause, "
                    + forecast.population() + " virtual women");
            Provenance provenance = Provenance.of("map score", options, Map.of(sample.filename() + " (SHA-256)", saved.sha256()),
                    forecast == null ? null : forecast.seed(), forecast == null ? "none (no model run)" : "gut-bone-axis model defaults");
            String title = "Risk report: " + (sampleId == null ? sample.filename() : sampleId) + " on " + stored.name();
            String payloadJson = JSON.writeValueAsString(payload);
            String provenanceJson = JSON.writeValueAsString(provenance);
            return services.with(s -> {
                long id = s.createResult(project.id(), "report", title, provenanceJson, payloadJson, p.user().id());
                s.audit(p.user().id(), project.teamId(), "score sample", "result " + id, scored.scores().size() + " sample(s) of "
                        + sample.filename() + " on map " + stored.id());
                return id;
            });
        }
    }

    private static List<Map<String, Object>> forecastSummary(SampleScoring.Scored scored) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < scored.forecasts().size(); i++) {
            BoneForecast.Result r = scored.forecasts().get(i);
            int last = r.untreated().years().length - 1;
            for (BoneForecast.Arm arm : r.arms()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sample_id", scored.scores().get(i).sampleId());
                row.put("arm", arm.name());
                row.put("start", arm.typical()[0]);
                row.put("end", arm.typical()[last]);
                row.put("end_p05", arm.bands()[0][last]);
                row.put("end_p95", arm.bands()[4][last]);
                row.put("end_year", r.untreated().years()[last]);
                out.add(row);
            }
        }
        return out;
    }

    private static BoneForecast.Settings forecastSettings(Context ctx, Services services) {
        double start = number(ctx, "start_year", 0);
        double years = number(ctx, "years", 10);
        double dose = number(ctx, "dose", 10);
        int population = (int) number(ctx, "population", 100);
        if (population < 1 || population > MAX_POPULATION) {
            throw HttpError.badRequest("virtual women per arm: 1 to " + MAX_POPULATION + " on the server, got " + population);
        }
        String menopause = blank(ctx.formParam("menopause")) ? "natural" : ctx.formParam("menopause").strip();
        BoneForecast.Menopause m = switch (menopause) {
            case "natural" -> BoneForecast.Menopause.NATURAL;
            case "surgical" -> BoneForecast.Menopause.SURGICAL;
            default -> throw HttpError.badRequest("menopause: natural or surgical, got '" + menopause + "'");
        };
        long seed = (long) number(ctx, "forecast_seed", 0);
        try {
            return new BoneForecast.Settings(start, years, dose, m, population, seed, services.settings().jobThreads());
        } catch (OsteobiomeException e) {
            throw HttpError.badRequest(e.getMessage().replace("--", ""));
        }
    }

    private static double number(Context ctx, String field, double fallback) {
        String v = ctx.formParam(field);
        if (blank(v)) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpError.badRequest(field.replace('_', ' ') + " must be a number, got '" + v + "'");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
