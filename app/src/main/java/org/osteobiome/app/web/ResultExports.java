package org.osteobiome.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TableFormat;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.app.report.TrajectoryWriter;
import org.osteobiome.app.service.TrajectoryJson;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.Trajectory;
import org.osteobiome.sbml.SbmlExporter;

/**
 * A stored result as a file: a simulation as TSV, PNG, SVG or its model as SBML; an analysis's figures as PNG or SVG, its
 * tables as TSV; a risk report as print-ready HTML. Each export is audited.
 */
public final class ResultExports {
    private ResultExports() {
    }

    private record Export(byte[] body, String type, String file) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static void send(Context ctx, Services services, Principal p, Store.Result r, String format) throws Exception {
        JsonNode payload = JSON.readTree(r.payload());
        String base = "result-" + r.id();
        Export export = r.kind().equals("simulation") ? simulation(payload, r, format, base)
                : analysis(payload, r, format, base, ctx.queryParam("figure"));
        services.with(s -> {
            Long team = s.project(r.projectId(), p.teamIds()).map(Store.Project::teamId).orElse(null);
            s.audit(p.user().id(), team, "export " + format, "result " + r.id(), r.title());
            return null;
        });
        ctx.header("Content-Disposition", "attachment; filename=\"" + export.file() + "\"");
        ctx.contentType(export.type()).result(export.body());
    }

    private static Export simulation(JsonNode payload, Store.Result r, String format, String base) throws java.io.IOException {
        Trajectory t = TrajectoryJson.read(payload.path("trajectory"));
        return switch (format) {
            case "tsv" -> {
                StringWriter w = new StringWriter();
                TrajectoryWriter.write(t, TableFormat.TSV, explicit(payload), w);
                yield new Export(utf8(w.toString()), TSV, base + ".tsv");
            }
            case "png", "svg" -> new Export(image(TrajectoryFigures.of(t, r.title()), format), imageType(format), base + "." + format);
            case "sbml" -> new Export(utf8(sbml(payload)), "application/sbml+xml", base + ".xml");
            default -> throw HttpError.notFound("export format '" + format + "' (formats: tsv, png, svg, sbml)");
        };
    }

    /** Figures as PNG or SVG (by index), tables as TSV, a risk report as its print-ready HTML page. */
    private static Export analysis(JsonNode payload, Store.Result r, String format, String base, String figure) throws java.io.IOException {
        switch (format) {
            case "png", "svg" -> {
                JsonNode figures = payload.path("figures");
                int k;
                try {
                    k = figure == null ? 0 : Integer.parseInt(figure);
                } catch (NumberFormatException e) {
                    k = -1;
                }
                if (k < 0 || k >= figures.size()) {
                    throw HttpError.notFound("figure " + figure + " of this result (it has " + figures.size() + ")");
                }
                Figure f = JSON.treeToValue(figures.get(k), Figure.class);
                return new Export(image(f, format), imageType(format), base + "-figure-" + (k + 1) + "." + format);
            }
            case "tsv" -> {
                String tsv = switch (r.kind()) {
                    case "sensitivity" -> sensitivityTable(payload);
                    case "cohort-da" -> rowsTable(payload.path("rows"));
                    default -> throw HttpError.notFound("a TSV of this " + r.kind() + " result (JSON: /api/results/" + r.id() + ")");
                };
                return new Export(utf8("# " + TrajectoryWriter.NOTICE + "\n" + tsv), TSV, base + ".tsv");
            }
            case "html" -> {
                if (!payload.path("report_html").isTextual()) {
                    throw HttpError.notFound("an HTML report of this " + r.kind() + " result");
                }
                return new Export(utf8(payload.path("report_html").asText()), "text/html; charset=utf-8", base + "-report.html");
            }
            default -> throw HttpError.notFound("export format '" + format + "' (formats: png, svg, tsv, html)");
        }
    }

    private static final String TSV = "text/tab-separated-values; charset=utf-8";

    private static String sensitivityTable(JsonNode payload) {
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("parameter", "low", "high"));
        payload.path("columns").forEach(c -> header.add(c.asText()));
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (JsonNode f : payload.path("factors")) {
            java.util.List<String> row = new java.util.ArrayList<>(java.util.List.of(f.path("id").asText(), cell(f.path("low")), cell(f.path("high"))));
            f.path("values").forEach(v -> row.add(cell(v)));
            rows.add(row);
        }
        return org.osteobiome.app.report.TextTable.tsv(header, rows);
    }

    private static String rowsTable(JsonNode rowsNode) {
        java.util.List<String> header = new java.util.ArrayList<>();
        if (rowsNode.size() > 0) {
            rowsNode.get(0).fieldNames().forEachRemaining(header::add);
        }
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (JsonNode x : rowsNode) {
            java.util.List<String> row = new java.util.ArrayList<>();
            header.forEach(h -> row.add(cell(x.path(h))));
            rows.add(row);
        }
        return org.osteobiome.app.report.TextTable.tsv(header, rows);
    }

    private static String cell(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "NA";
        }
        return v.isNumber() ? org.osteobiome.core.Numbers.format(v.asDouble()) : v.asText();
    }

    private static byte[] image(Figure f, String format) throws java.io.IOException {
        Path tmp = Files.createTempFile("osteobiome-export", "." + format);
        try {
            FigureWriter.write(f, tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String imageType(String format) {
        return format.equals("png") ? "image/png" : "image/svg+xml";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the run's model has an equation form to export. */
    public static boolean sbmlAvailable(JsonNode payload) {
        try {
            parameters(payload);
            ModelCatalog.get(payload.path("request").path("model").asText()).symbolic(parameters(payload));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String sbml(JsonNode payload) {
        Model model = ModelCatalog.get(payload.path("request").path("model").asText());
        return SbmlExporter.write(model.symbolic(parameters(payload)));
    }

    private static ParameterSet parameters(JsonNode payload) {
        JsonNode req = payload.path("request");
        Model model = ModelCatalog.get(req.path("model").asText());
        String scenario = req.path("scenario").isTextual() ? req.path("scenario").asText() : null;
        return ModelRuns.parameters(model, explicitSet(req), scenario);
    }

    private static Map<String, String> explicitSet(JsonNode req) {
        Map<String, String> set = new LinkedHashMap<>();
        req.path("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue().asText()));
        return set;
    }

    private static Map<String, String> explicit(JsonNode payload) {
        Map<String, String> out = new LinkedHashMap<>(explicitSet(payload.path("request")));
        if (payload.path("request").path("scenario").isTextual()) {
            out.put("scenario", payload.path("request").path("scenario").asText());
        }
        return out;
    }
}
