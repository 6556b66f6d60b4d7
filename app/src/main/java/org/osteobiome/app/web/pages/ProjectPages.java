package org.osteobiome.app.web.pages;

import static org.osteobiome.app.web.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.service.SimulationRequest;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.ResultExports;
import org.osteobiome.app.web.RouteTable;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.Simulations;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.scenario.ScenarioFiles;

/** Projects, the simulate page and stored results. */
public final class ProjectPages {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectPages() {
    }

    public static void register(RouteTable routes, Services services) {
        routes.signedIn(HandlerType.GET, "/", (ctx, p) -> ctx.html(projects(services, p, null)));
        routes.signedIn(HandlerType.POST, "/projects", (ctx, p) -> {
            long team = longParam(ctx.formParam("team"), "team");
            String name = required(ctx.formParam("name"), "a project name", 200);
            String description = optional(ctx.formParam("description"), 2000);
            if (!p.may(team, Store.Role.RESEARCHER)) {
                throw HttpError.forbidden("creating projects needs the researcher or admin role in that team");
            }
            long id = services.with(s -> {
                if (s.projects(List.of(team)).stream().anyMatch(pr -> pr.name().equalsIgnoreCase(name.strip()))) {
                    throw HttpError.badRequest("the team already has a project called '" + name.strip() + "'; choose another name");
                }
                long pid = s.createProject(team, name, description, p.user().id());
                s.audit(p.user().id(), team, "create project", "project " + pid, name);
                return pid;
            });
            ctx.redirect("/projects/" + id, HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.GET, "/projects/{id}", (ctx, p) -> ctx.html(project(services, p, project(services, p, ctx))));
        routes.signedIn(HandlerType.GET, "/projects/{id}/simulate", (ctx, p) -> {
            Store.Project project = project(services, p, ctx);
            String modelId = ctx.queryParam("model") == null ? "gut-bone-axis" : ctx.queryParam("model");
            if (!ModelCatalog.ids().contains(modelId)) {
                throw HttpError.badRequest("unknown model '" + modelId + "'; models: " + String.join(", ", ModelCatalog.ids()));
            }
            ctx.html(simulateForm(p, project, ModelCatalog.get(modelId)));
        });
        routes.signedIn(HandlerType.POST, "/projects/{id}/simulate", (ctx, p) -> {
            Store.Project project = project(services, p, ctx);
            SimulationRequest request = fromForm(ctx);
            long id = Simulations.runAndStore(services, p, project, request);
            ctx.redirect("/results/" + id, HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.GET, "/projects/{id}/compare", (ctx, p) -> {
            Store.Project project = project(services, p, ctx);
            List<Store.Result> runs = new ArrayList<>();
            for (String id : ctx.queryParams("result")) {
                Store.Result r = Simulations.result(services, p, longParam(id, "result"));
                if (r.projectId() != project.id() || !r.kind().equals("simulation")) {
                    throw HttpError.notFound("simulation " + id + " in this project");
                }
                runs.add(r);
            }
            if (runs.size() < 2 || runs.size() > 8) {
                throw HttpError.badRequest("tick two to eight runs to compare (got " + runs.size() + ")");
            }
            ctx.html(compare(p, project, runs));
        });
        routes.signedIn(HandlerType.GET, "/results/{id}", (ctx, p) -> ctx.html(result(services, p, Simulations.result(services, p,
                longParam(ctx.pathParam("id"), "result")))));
        routes.signedIn(HandlerType.GET, "/results/{id}/download/{format}", (ctx, p) -> ResultExports.send(ctx, services, p,
                Simulations.result(services, p, longParam(ctx.pathParam("id"), "result")), ctx.pathParam("format")));
        routes.signedIn(HandlerType.POST, "/results/{id}/delete", (ctx, p) -> {
            Store.Result r = Simulations.result(services, p, longParam(ctx.pathParam("id"), "result"));
            Simulations.delete(services, p, r);
            ctx.redirect("/projects/" + r.projectId(), HttpStatus.SEE_OTHER);
        });
    }

    /** The breadcrumb line of a project's pages. */
    static String crumbs(Store.Project project) {
        return "<p class=\"crumbs\"><a href=\"/\">Projects</a> › <a href=\"/projects/" + project.id() + "\">" + esc(project.name())
                + "</a></p>";
    }

    static Store.Project project(Services services, Principal p, Context ctx) {
        long id = longParam(ctx.pathParam("id"), "project");
        return services.with(s -> s.project(id, p.teamIds())).orElseThrow(() -> HttpError.notFound("project " + id));
    }

    static String projects(Services services, Principal p, String error) {
        List<Store.Project> list = services.with(s -> s.projects(p.teamIds()));
        StringBuilder b = new StringBuilder("<h1>Projects</h1>").append(Html.notice("error", error));
        if (p.memberships().isEmpty()) {
            b.append("<p>You are not in a team yet. A site administrator adds you to one.</p>");
        }
        b.append("<table class=\"list\" id=\"projects\"><thead><tr><th>Project</th><th>Team</th><th>Your role</th><th>Created</th></tr>"
                + "</thead><tbody>");
        for (Store.Project pr : list) {
            b.append("<tr><td><a href=\"/projects/").append(pr.id()).append("\">").append(esc(pr.name())).append("</a><div class=\"muted\">")
                    .append(esc(pr.description())).append("</div></td><td>").append(esc(pr.teamName())).append("</td><td>")
                    .append(p.role(pr.teamId()).map(Store.Role::id).orElse("")).append("</td><td>").append(WHEN.format(pr.createdAt()))
                    .append("</td></tr>");
        }
        if (list.isEmpty()) {
            b.append("<tr><td colspan=\"4\" class=\"muted\">No projects yet.</td></tr>");
        }
        b.append("</tbody></table>");
        List<Store.Membership> writable = p.memberships().stream().filter(m -> m.role().atLeast(Store.Role.RESEARCHER)).toList();
        if (!writable.isEmpty()) {
            b.append("<h2>New project</h2><form method=\"post\" action=\"/projects\" class=\"stack\">").append(Html.csrf(p))
                    .append("<label>Team <select name=\"team\">");
            for (Store.Membership m : writable) {
                b.append("<option value=\"").append(m.teamId()).append("\">").append(esc(m.teamName())).append("</option>");
            }
            b.append("</select></label><label>Name <input name=\"name\" required maxlength=\"200\"></label>"
                    + "<label>Description <input name=\"description\" maxlength=\"2000\"></label><button type=\"submit\">Create project</button>"
                    + "</form>");
        }
        return Html.page("Projects", p, b.toString());
    }

    static String project(Services services, Principal p, Store.Project project) {
        List<Store.ResultSummary> results = services.with(s -> s.results(project.id()));
        StringBuilder b = new StringBuilder("<p class=\"crumbs\"><a href=\"/\">Projects</a> › ").append(esc(project.teamName()))
                .append("</p><h1>").append(esc(project.name())).append("</h1><p class=\"muted\">").append(esc(project.description()))
                .append("</p>");
        if (p.may(project.teamId(), Store.Role.RESEARCHER)) {
            b.append("<h2>Simulate</h2><form method=\"get\" action=\"/projects/").append(project.id())
                    .append("/simulate\" class=\"inline-form\"><label>Model <select name=\"model\">");
            for (Model m : ModelCatalog.all()) {
                b.append("<option value=\"").append(esc(m.id())).append("\">").append(esc(m.id())).append(" — ").append(esc(m.summary()))
                        .append("</option>");
            }
            b.append("</select></label><button type=\"submit\">Choose parameters</button></form>");
            b.append("<h2>Analyses</h2><p>Run in the background, with progress: <a id=\"new-vpop\" href=\"/projects/").append(project.id())
                    .append("/jobs/new?kind=vpop\">virtual population</a> · <a id=\"new-sensitivity\" href=\"/projects/").append(project.id())
                    .append("/jobs/new?kind=sensitivity\">sensitivity</a> · <a id=\"new-fit\" href=\"/projects/").append(project.id())
                    .append("/jobs/new?kind=fit\">fit</a></p>");
            b.append("<h2>Cohorts</h2><p><a href=\"/projects/").append(project.id()).append("/cohorts/new\" id=\"upload-cohort\">Upload a"
                    + " cohort</a> (feature table and metadata): checks, diversity by group, PCoA and PERMANOVA; from its page, differential"
                    + " abundance and a reference map.</p>");
        }
        List<Store.StoredMap> maps = services.with(s -> s.maps(project.id()));
        if (!maps.isEmpty()) {
            b.append("<h2>Reference maps</h2><ul id=\"maps\">");
            for (Store.StoredMap m : maps) {
                b.append("<li><a href=\"/results/").append(m.resultId()).append("\">").append(esc(m.name())).append("</a> — score a sample"
                        + " on its page</li>");
            }
            b.append("</ul>");
        }

        b.append("<h2>Results</h2><form method=\"get\" action=\"/projects/").append(project.id()).append("/compare\" id=\"compare\">")
                .append("<table class=\"list\" id=\"results\"><thead><tr><th>Compare</th><th>Result</th><th>Kind</th><th>By</th><th>When</th>"
                + "</tr></thead><tbody>");
        for (Store.ResultSummary r : results) {
            b.append("<tr><td><input type=\"checkbox\" name=\"result\" value=\"").append(r.id()).append("\" aria-label=\"compare ")
                    .append(esc(r.title())).append("\"></td><td><a href=\"/results/").append(r.id()).append("\">").append(esc(r.title()))
                    .append("</a></td><td>")
                    .append(esc(r.kind())).append("</td><td>").append(esc(r.createdBy())).append("</td><td>").append(WHEN.format(r.createdAt()))
                    .append("</td></tr>");
        }
        if (results.isEmpty()) {
            b.append("<tr><td colspan=\"5\" class=\"muted\">Nothing run yet.</td></tr>");
        }
        b.append("</tbody></table>");
        if (results.size() > 1) {
            b.append("<button type=\"submit\">Compare the ticked runs</button>");
        }
        b.append("</form>");
        JobPages.list(b, services.with(s -> s.jobs(project.id())));
        return Html.page(project.name(), p, b.toString());
    }

    static String simulateForm(Principal p, Store.Project project, Model model) {
        StringBuilder b = new StringBuilder("<p class=\"crumbs\"><a href=\"/\">Projects</a> › <a href=\"/projects/").append(project.id())
                .append("\">").append(esc(project.name())).append("</a></p><h1>Simulate ").append(esc(model.id())).append("</h1><p>")
                .append(esc(model.summary())).append("</p><p class=\"muted\">").append(esc(model.reference())).append("</p>")
                .append("<form method=\"post\" action=\"/projects/").append(project.id()).append("/simulate\" id=\"simulate\">")
                .append(Html.csrf(p)).append("<input type=\"hidden\" name=\"model\" value=\"").append(esc(model.id())).append("\">");
        Model.TimeGrid grid = model.defaultGrid(model.defaults());
        b.append("<fieldset><legend>Output times (days)</legend><label>Last time <input type=\"number\" name=\"t_end\" step=\"any\" min=\"0\""
                + " placeholder=\"").append(org.osteobiome.core.Numbers.format(grid.end())).append("\"></label><label>Step <input type=\"number\""
                + " name=\"step\" step=\"any\" min=\"0\" placeholder=\"").append(org.osteobiome.core.Numbers.format(grid.step()))
                .append("\"></label><span class=\"muted\">empty: the model's default</span></fieldset>");
        b.append("<fieldset><legend>Parameters</legend><table class=\"params\"><thead><tr><th>Parameter</th><th>Value</th><th>Unit</th>"
                + "<th>Range</th><th>Meaning</th></tr></thead><tbody>");
        for (ParameterSpec s : model.parameters()) {
            b.append("<tr><td><code>").append(esc(s.id())).append("</code></td><td>").append(input(s)).append("</td><td>")
                    .append(esc(s.unit())).append("</td><td>").append(esc(s.kind() == ParameterSpec.Kind.TEXT ? "built-in scenarios" : s.rangeText()))
                    .append("</td><td>").append(esc(s.meaning())).append("</td></tr>");
        }
        b.append("</tbody></table></fieldset><fieldset><legend>Observables to keep</legend><div class=\"checks\">");
        for (Observable o : model.observables()) {
            b.append("<label title=\"").append(esc(o.description())).append("\"><input type=\"checkbox\" name=\"observables\" value=\"")
                    .append(esc(o.id())).append("\" checked> ").append(esc(o.id())).append("</label>");
        }
        b.append("</div></fieldset><button type=\"submit\">Run</button></form>");
        return Html.page("Simulate " + model.id(), p, b.toString());
    }

    private static String input(ParameterSpec s) {
        String name = "p." + s.id();
        return switch (s.kind()) {
            case CHOICE -> options(name, s.choices(), s.choices().get(0));
            case TEXT -> options(name, ScenarioFiles.BUILT_IN, s.choices().get(0));
            case INTEGER -> "<input type=\"number\" name=\"" + esc(name) + "\" step=\"1\" min=\"" + (long) s.min() + "\" max=\"" + (long) s.max()
                    + "\" value=\"" + esc(s.defaultText()) + "\" required>";
            case REAL -> "<input type=\"number\" name=\"" + esc(name) + "\" step=\"any\" min=\"" + s.min() + "\" max=\"" + s.max()
                    + "\" value=\"" + esc(s.defaultText()) + "\" required>";
        };
    }

    private static String options(String name, List<String> choices, String selected) {
        StringBuilder b = new StringBuilder("<select name=\"").append(esc(name)).append("\">");
        for (String c : choices) {
            b.append("<option").append(c.equals(selected) ? " selected" : "").append(">").append(esc(c)).append("</option>");
        }
        return b.append("</select>").toString();
    }

    /** The request a simulate form describes: only parameters changed from their default are set. */
    static SimulationRequest fromForm(Context ctx) {
        String modelId = ctx.formParam("model");
        if (modelId == null || !ModelCatalog.ids().contains(modelId)) {
            throw HttpError.badRequest("unknown model '" + modelId + "'");
        }
        Model model = ModelCatalog.get(modelId);
        Map<String, String> set = new LinkedHashMap<>();
        String scenario = null;
        for (ParameterSpec s : model.parameters()) {
            String v = ctx.formParam("p." + s.id());
            if (s.kind() == ParameterSpec.Kind.TEXT) {
                // the scenario is always named, so that the title and provenance say what was run
                scenario = v == null || v.isBlank() ? s.defaultText() : v.strip();
                continue;
            }
            if (v == null || v.isBlank() || v.strip().equals(s.defaultText())) {
                continue;
            }
            set.put(s.id(), v.strip());
        }
        List<String> observables = new ArrayList<>(ctx.formParams("observables"));
        if (observables.size() == model.observables().size()) {
            observables.clear();
        }
        return new SimulationRequest(modelId, set, scenario, null, number(ctx.formParam("t_end"), "last time"),
                number(ctx.formParam("step"), "step"), observables, null, null, null);
    }

    static String result(Services services, Principal p, Store.Result r) {
        Store.Project project = services.with(s -> s.project(r.projectId(), p.teamIds())).orElseThrow();
        JsonNode payload = read(r.payload());
        JsonNode provenance = read(r.provenance());
        StringBuilder b = new StringBuilder("<p class=\"crumbs\"><a href=\"/\">Projects</a> › <a href=\"/projects/").append(project.id())
                .append("\">").append(esc(project.name())).append("</a></p><h1>").append(esc(r.title())).append("</h1>");
        if (r.kind().equals("cohort")) {
            CohortPages.overview(r, payload, b);
            services.with(s -> s.cohortOfResult(r.id())).ifPresent(c -> CohortPages.analyses(p, project, c, payload, b));
            provenance(b, provenance, r);
            deleteForm(b, p, project, r);
            return Html.page(r.title(), p, b.toString());
        }
        if (AnalysisPages.KINDS.contains(r.kind())) {
            AnalysisPages.render(services, p, r, payload, b);
            provenance(b, provenance, r);
            deleteForm(b, p, project, r);
            return Html.page(r.title(), p, b.toString());
        }
        for (JsonNode note : payload.path("notes")) {
            b.append(Html.notice("notice", "note: " + note.asText()));
        }
        b.append("<div class=\"charts\" data-chart=\"trajectory\" data-source=\"trajectory-data\"></div>")
                .append("<script type=\"application/json\" id=\"trajectory-data\">").append(Html.json(payload.path("trajectory").toString()))
                .append("</script>");
        b.append("<p class=\"downloads\">Download: <a href=\"/results/").append(r.id()).append("/download/tsv\">TSV</a> · <a href=\"/results/")
                .append(r.id()).append("/download/png\">PNG</a> · <a href=\"/results/").append(r.id()).append("/download/svg\">SVG</a>");
        if (ResultExports.sbmlAvailable(payload)) {
            b.append(" · <a href=\"/results/").append(r.id()).append("/download/sbml\">SBML</a>");
        }
        b.append("</p>");
        provenance(b, provenance, r);
        deleteForm(b, p, project, r);
        return Html.page(r.title(), p, b.toString());
    }

    private static void provenance(StringBuilder b, JsonNode provenance, Store.Result r) {
        b.append("<h2>Provenance</h2><table class=\"kv\" id=\"provenance\">");
        row(b, "action", provenance.path("action").asText());
        row(b, "osteobiome version", provenance.path("version").asText());
        row(b, "solver", provenance.path("solver").asText());
        row(b, "seed", provenance.path("seed").isNull() || provenance.path("seed").isMissingNode() ? "none (deterministic)"
                : provenance.path("seed").asText());
        provenance.path("options").fields().forEachRemaining(e -> row(b, "option " + e.getKey(), e.getValue().asText()));
        provenance.path("inputs").fields().forEachRemaining(e -> row(b, "input " + e.getKey(), e.getValue().asText()));
        row(b, "run by", r.createdBy());
        row(b, "at", WHEN.format(r.createdAt()));
        b.append("</table>");
    }

    private static void deleteForm(StringBuilder b, Principal p, Store.Project project, Store.Result r) {
        if (p.may(project.teamId(), Store.Role.RESEARCHER)) {
            b.append("<form method=\"post\" action=\"/results/").append(r.id()).append("/delete\" class=\"danger\">").append(Html.csrf(p))
                    .append("<button type=\"submit\">Delete this result</button></form>");
        }
    }

    static String compare(Principal p, Store.Project project, List<Store.Result> runs) {
        com.fasterxml.jackson.databind.node.ObjectNode data = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode list = data.putArray("runs");
        StringBuilder legend = new StringBuilder("<ol class=\"legend\">");
        for (Store.Result r : runs) {
            com.fasterxml.jackson.databind.node.ObjectNode run = list.addObject();
            run.put("label", r.title());
            run.set("trajectory", read(r.payload()).path("trajectory"));
            legend.append("<li><a href=\"/results/").append(r.id()).append("\">").append(esc(r.title())).append("</a></li>");
        }
        String body = "<p class=\"crumbs\"><a href=\"/\">Projects</a> › <a href=\"/projects/" + project.id() + "\">" + esc(project.name())
                + "</a></p><h1>Comparison of " + runs.size() + " runs</h1>" + legend + "</ol><p class=\"muted\">Each chart shows an"
                + " observable that every run kept, one line per run (colours in the order listed).</p>"
                + "<div class=\"charts\" data-chart=\"comparison\" data-source=\"comparison-data\"></div>"
                + "<script type=\"application/json\" id=\"comparison-data\">" + Html.json(data.toString()) + "</script>";
        return Html.page("Comparison", p, body);
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON unreadable: " + e.getMessage(), e);
        }
    }

    static long longParam(String value, String what) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw HttpError.notFound(what + " '" + value + "'");
        }
    }

    static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw HttpError.badRequest(what + " is required");
        }
        if (value.length() > max) {
            throw HttpError.badRequest(what + " may have at most " + max + " characters");
        }
        return value.strip();
    }

    static String optional(String value, int max) {
        if (value != null && value.length() > max) {
            throw HttpError.badRequest("at most " + max + " characters");
        }
        return value == null ? "" : value.strip();
    }

    static Double number(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(value.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(what + " must be a number, got '" + value + "'");
        }
    }
}
