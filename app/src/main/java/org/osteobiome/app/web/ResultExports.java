package org.osteobiome.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osteobiome.app.cli.ModelRuns;
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

/** A stored simulation as a file: TSV, PNG, SVG, or the model as SBML for the run's parameters. Each export is audited. */
public final class ResultExports {
    private ResultExports() {
    }

    public static void send(Context ctx, Services services, Principal p, Store.Result r, String format) throws Exception {
        if (!r.kind().equals("simulation")) {
            throw HttpError.notFound("a " + format + " download of this " + r.kind() + " result (downloads are of simulations)");
        }
        JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.payload());
        Trajectory t = TrajectoryJson.read(payload.path("trajectory"));
        String base = "result-" + r.id();
        byte[] body;
        String type;
        String file;
        switch (format) {
            case "tsv" -> {
                StringWriter w = new StringWriter();
                TrajectoryWriter.write(t, TableFormat.TSV, explicit(payload), w);
                body = w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                type = "text/tab-separated-values; charset=utf-8";
                file = base + ".tsv";
            }
            case "png", "svg" -> {
                Path tmp = Files.createTempFile("osteobiome-export", "." + format);
                try {
                    FigureWriter.write(TrajectoryFigures.of(t, r.title()), tmp);
                    body = Files.readAllBytes(tmp);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                type = format.equals("png") ? "image/png" : "image/svg+xml";
                file = base + "." + format;
            }
            case "sbml" -> {
                body = sbml(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                type = "application/sbml+xml";
                file = base + ".xml";
            }
            default -> throw HttpError.notFound("export format '" + format + "' (formats: tsv, png, svg, sbml)");
        }
        services.with(s -> {
            Long team = s.project(r.projectId(), p.teamIds()).map(Store.Project::teamId).orElse(null);
            s.audit(p.user().id(), team, "export " + format, "result " + r.id(), r.title());
            return null;
        });
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(type).result(body);
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
