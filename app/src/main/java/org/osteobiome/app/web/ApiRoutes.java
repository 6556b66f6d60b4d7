package org.osteobiome.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.service.SimulationRequest;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSpec;

/**
 * The JSON API: what the pages do, for scripts with an API token. The OpenAPI description at {@code /api/openapi.json}
 * is made from the same registrations, so it lists every API route.
 */
public final class ApiRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Doc(String method, String path, String summary, String body, int success) {
    }

    private final List<Doc> docs = new ArrayList<>();
    private final RouteTable routes;

    private ApiRoutes(RouteTable routes) {
        this.routes = routes;
    }

    static void register(RouteTable table, Services services) {
        ApiRoutes api = new ApiRoutes(table);
        api.add(HandlerType.GET, "/api/models", "The models with their parameters (unit, range) and observables", null, 200,
                (ctx, p) -> ctx.json(models()));
        api.add(HandlerType.GET, "/api/projects", "Projects of your teams", null, 200, (ctx, p) -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Store.Project pr : services.with(s -> s.projects(p.teamIds()))) {
                out.add(project(pr));
            }
            ctx.json(out);
        });
        api.add(HandlerType.POST, "/api/projects", "Create a project in one of your teams (researcher or admin)",
                "{\"team_id\": 1, \"name\": \"…\", \"description\": \"…\"}", 201, (ctx, p) -> {
                    JsonNode body = body(ctx);
                    long team = body.path("team_id").asLong(-1);
                    String name = body.path("name").asText("");
                    if (name.isBlank() || name.length() > 200) {
                        throw HttpError.badRequest("'name' is required (at most 200 characters)");
                    }
                    if (!p.may(team, Store.Role.RESEARCHER)) {
                        throw HttpError.forbidden("creating projects needs the researcher or admin role in team " + team);
                    }
                    long id = services.with(s -> {
                        long pid = s.createProject(team, name, body.path("description").asText(""), p.user().id());
                        s.audit(p.user().id(), team, "create project", "project " + pid, name);
                        return pid;
                    });
                    ctx.status(201).json(Map.of("id", id));
                });
        api.add(HandlerType.GET, "/api/projects/{id}/results", "Results stored in a project", null, 200, (ctx, p) -> {
            Store.Project pr = project(services, p, ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Store.ResultSummary r : services.with(s -> s.results(pr.id()))) {
                out.add(Map.of("id", r.id(), "kind", r.kind(), "title", r.title(), "created_by", r.createdBy(), "created_at",
                        r.createdAt().toString()));
            }
            ctx.json(out);
        });
        api.add(HandlerType.POST, "/api/projects/{id}/simulations", "Run a simulation and store it in the project (researcher or admin)",
                "{\"model\": \"gut-bone-axis\", \"scenario\": \"ovx-la\", \"set\": {\"c_OC\": \"1.2\"}, \"t_end\": 84, \"step\": 7,"
                        + " \"observables\": [\"bv_tv_pct\"]}", 201, (ctx, p) -> {
                    Store.Project pr = project(services, p, ctx);
                    long id = Simulations.runAndStore(services, p, pr, request(body(ctx)));
                    ctx.status(201).json(Map.of("id", id, "url", "/results/" + id));
                });
        api.add(HandlerType.GET, "/api/results/{id}", "A stored result: title, provenance and payload", null, 200, (ctx, p) -> {
            Store.Result r = Simulations.result(services, p, id(ctx));
            ObjectNode o = JSON.createObjectNode();
            o.put("id", r.id());
            o.put("project_id", r.projectId());
            o.put("kind", r.kind());
            o.put("title", r.title());
            o.put("created_by", r.createdBy());
            o.put("created_at", r.createdAt().toString());
            o.set("provenance", JSON.readTree(r.provenance()));
            o.set("payload", JSON.readTree(r.payload()));
            ctx.contentType("application/json").result(o.toString());
        });
        api.add(HandlerType.DELETE, "/api/results/{id}", "Delete a result (researcher or admin)", null, 204, (ctx, p) -> {
            Simulations.delete(services, p, Simulations.result(services, p, id(ctx)));
            ctx.status(204);
        });
        api.add(HandlerType.POST, "/api/projects/{id}/cohorts", "Upload a cohort (parsed and checked whole, then stored with its overview)",
                "multipart: table (file), metadata (file), group_column, rank, name", 201, (ctx, p) -> {
                    long id = CohortUploads.upload(ctx, services, p, project(services, p, ctx));
                    ctx.status(201).json(Map.of("result_id", id, "url", "/results/" + id));
                });
        api.add(HandlerType.GET, "/api/projects/{id}/jobs", "Background jobs of a project, newest first", null, 200, (ctx, p) -> {
            Store.Project pr = project(services, p, ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Store.Job j : services.with(s -> s.jobs(pr.id()))) {
                out.add(org.osteobiome.app.web.pages.JobPages.status(services, j));
            }
            ctx.json(out);
        });
        api.add(HandlerType.POST, "/api/projects/{id}/jobs", "Start a background job: kind vpop | sensitivity | fit | cohort-da | map-build"
                + " with the fields of its form (researcher or admin)", "{\"kind\": \"vpop\", \"scenario\": \"menopause-natural\", \"n\": 200,"
                + " \"variability\": \"human-variability.tsv\", \"observables\": [\"bmd_pct\"], \"seed\": 1}", 202, (ctx, p) -> {
                    Store.Project pr = project(services, p, ctx);
                    com.fasterxml.jackson.databind.node.ObjectNode b = (com.fasterxml.jackson.databind.node.ObjectNode) body(ctx);
                    String kind = b.path("kind").asText("");
                    b.remove("kind");
                    long id = services.jobs().submit(p, pr, kind, org.osteobiome.app.web.jobs.JobRequest.of(b));
                    ctx.status(202).json(Map.of("id", id, "url", "/api/jobs/" + id));
                });
        api.add(HandlerType.GET, "/api/jobs/{id}", "A job's state and live progress (done of total), and its result when done", null, 200,
                (ctx, p) -> ctx.json(org.osteobiome.app.web.pages.JobPages.status(services, job(services, p, ctx))));
        api.add(HandlerType.POST, "/api/jobs/{id}/cancel", "Cancel a queued or running job (researcher or admin)", null, 200, (ctx, p) -> {
            Store.Job j = job(services, p, ctx);
            services.jobs().cancel(p, j);
            ctx.json(org.osteobiome.app.web.pages.JobPages.status(services, job(services, p, ctx)));
        });
        api.add(HandlerType.POST, "/api/jobs/{id}/rerun", "Run an ended job's request again as a new job (researcher or admin)", null, 202,
                (ctx, p) -> {
                    Store.Job j = job(services, p, ctx);
                    long id = services.jobs().rerun(p, j, services.with(s -> s.project(j.projectId(), p.teamIds())).orElseThrow());
                    ctx.status(202).json(Map.of("id", id, "url", "/api/jobs/" + id));
                });
        api.add(HandlerType.GET, "/api/projects/{id}/maps", "Reference maps of a project", null, 200, (ctx, p) -> {
            Store.Project pr = project(services, p, ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Store.StoredMap m : services.with(s -> s.maps(pr.id()))) {
                out.add(Map.of("id", m.id(), "name", m.name(), "result_id", m.resultId(), "sha256", m.sha256(), "created_at",
                        m.createdAt().toString()));
            }
            ctx.json(out);
        });
        api.add(HandlerType.POST, "/api/maps/{id}/score", "Score an uploaded sample table against a map, with an optional forecast; stores"
                + " the report", "multipart: sample (file), sample_id, forecast (true), start_year, years, dose, menopause, population,"
                + " forecast_seed", 201, (ctx, p) -> {
                    long mapId = id(ctx);
                    Store.StoredMap m = services.with(s -> s.map(mapId, p.teamIds())).orElseThrow(() -> HttpError.notFound("map " + mapId));
                    Store.Project pr = services.with(s -> s.project(m.projectId(), p.teamIds())).orElseThrow();
                    long id = SampleReports.score(ctx, services, p, pr, m);
                    ctx.status(201).json(Map.of("result_id", id, "url", "/api/results/" + id));
                });
        table.open(HandlerType.GET, "/api/openapi.json", ctx -> ctx.contentType("application/json").result(api.openapi().toString()));
    }

    private void add(HandlerType method, String path, String summary, String body, int success, RouteTable.Handler handler) {
        docs.add(new Doc(method.name().toLowerCase(java.util.Locale.ROOT), path, summary, body, success));
        routes.signedIn(method, path, handler);
    }

    private ObjectNode openapi() {
        ObjectNode o = JSON.createObjectNode();
        o.put("openapi", "3.0.3");
        ObjectNode info = o.putObject("info");
        info.put("title", "osteobiome");
        info.put("version", VersionProvider.version());
        info.put("description", "Research software for the gut–immune–bone axis; not a diagnostic device. Authenticate with"
                + " 'Authorization: Bearer TOKEN' (API tokens page).");
        ObjectNode schemes = o.putObject("components").putObject("securitySchemes");
        schemes.putObject("token").put("type", "http").put("scheme", "bearer");
        o.putArray("security").addObject().putArray("token");
        ObjectNode paths = o.putObject("paths");
        for (Doc d : docs) {
            ObjectNode op = (paths.has(d.path()) ? (ObjectNode) paths.get(d.path()) : paths.putObject(d.path())).putObject(d.method());
            op.put("summary", d.summary());
            if (d.path().contains("{id}")) {
                ObjectNode param = op.putArray("parameters").addObject();
                param.put("name", "id").put("in", "path").put("required", true).putObject("schema").put("type", "integer");
            }
            if (d.body() != null && d.body().startsWith("multipart:")) {
                ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content").putObject("multipart/form-data");
                content.putObject("schema").put("type", "object").put("description", d.body().substring("multipart:".length()).strip());
            } else if (d.body() != null) {
                ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json");
                content.putObject("schema").put("type", "object");
                content.put("example", d.body());
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject(String.valueOf(d.success())).put("description", "done");
            responses.putObject("400").put("description", "the request is malformed; 'error' says what to fix");
            responses.putObject("401").put("description", "no valid API token");
            responses.putObject("403").put("description", "your role in the team does not allow it");
            responses.putObject("404").put("description", "no such item in your teams");
        }
        return o;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new java.io.IOException("not a JSON object");
            }
            return n;
        } catch (java.io.IOException e) {
            throw HttpError.badRequest("the request body must be a JSON object: " + e.getMessage());
        }
    }

    static SimulationRequest request(JsonNode b) {
        String model = b.path("model").asText(null);
        if (model == null) {
            throw HttpError.badRequest("'model' is required; models: " + String.join(", ", ModelCatalog.ids()));
        }
        Map<String, String> set = new LinkedHashMap<>();
        b.path("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue().asText()));
        List<String> observables = new ArrayList<>();
        b.path("observables").forEach(v -> observables.add(v.asText()));
        return new SimulationRequest(model, set, b.path("scenario").isTextual() ? b.path("scenario").asText() : null, number(b, "t_start"),
                number(b, "t_end"), number(b, "step"), observables, null, null, null);
    }

    private static Double number(JsonNode b, String field) {
        JsonNode n = b.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw HttpError.badRequest("'" + field + "' must be a number");
        }
        return n.asDouble();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("'" + ctx.pathParam("id") + "'");
        }
    }

    private static Store.Job job(Services services, Principal p, Context ctx) {
        long id = id(ctx);
        return services.with(s -> s.job(id, p.teamIds())).orElseThrow(() -> HttpError.notFound("job " + id));
    }

    private static Store.Project project(Services services, Principal p, Context ctx) {
        long id = id(ctx);
        return services.with(s -> s.project(id, p.teamIds())).orElseThrow(() -> HttpError.notFound("project " + id));
    }

    private static Map<String, Object> project(Store.Project pr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", pr.id());
        m.put("team_id", pr.teamId());
        m.put("team", pr.teamName());
        m.put("name", pr.name());
        m.put("description", pr.description());
        m.put("created_at", pr.createdAt().toString());
        return m;
    }

    private static ArrayNode models() {
        ArrayNode out = JSON.createArrayNode();
        for (Model m : ModelCatalog.all()) {
            ObjectNode o = out.addObject();
            o.put("id", m.id());
            o.put("summary", m.summary());
            o.put("reference", m.reference());
            ArrayNode ps = o.putArray("parameters");
            for (ParameterSpec s : m.parameters()) {
                ObjectNode p = ps.addObject();
                p.put("id", s.id());
                p.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
                p.put("default", s.defaultText());
                p.put("range", s.rangeText());
                p.put("unit", s.unit());
                p.put("meaning", s.meaning());
            }
            ArrayNode obs = o.putArray("observables");
            for (Observable ob : m.observables()) {
                obs.addObject().put("id", ob.id()).put("unit", ob.unit()).put("description", ob.description());
            }
        }
        return out;
    }
}
