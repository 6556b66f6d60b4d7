package org.osteobiome.app.web.pages;

import static org.osteobiome.app.web.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.RouteTable;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.jobs.JobQueue;
import org.osteobiome.app.web.jobs.JobRequest;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.Observable;
import org.osteobiome.model.data.MeasurementTable;
import org.osteobiome.model.scenario.ScenarioFiles;
import org.osteobiome.model.vpop.Variability;

/** Background jobs: the forms that start them, the job page with live progress, cancel and run again. */
public final class JobPages {
    private JobPages() {
    }

    public static void register(RouteTable routes, Services services) {
        routes.signedIn(HandlerType.GET, "/projects/{id}/jobs/new", (ctx, p) -> {
            Store.Project project = ProjectPages.project(services, p, ctx);
            ctx.html(form(p, project, ctx.queryParam("kind"), ctx.queryParam("model")));
        });
        routes.signedIn(HandlerType.POST, "/projects/{id}/jobs", (ctx, p) -> {
            Store.Project project = ProjectPages.project(services, p, ctx);
            long job = services.jobs().submit(p, project, required(ctx.formParam("kind")), JobRequest.ofForm(ctx.formParamMap()));
            ctx.redirect("/jobs/" + job, HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.GET, "/jobs/{id}", (ctx, p) -> {
            Store.Job job = job(services, p, ctx);
            ctx.html(page(services, p, job));
        });
        routes.signedIn(HandlerType.POST, "/jobs/{id}/cancel", (ctx, p) -> {
            Store.Job job = job(services, p, ctx);
            services.jobs().cancel(p, job);
            ctx.redirect("/jobs/" + job.id(), HttpStatus.SEE_OTHER);
        });
        routes.signedIn(HandlerType.POST, "/jobs/{id}/rerun", (ctx, p) -> {
            Store.Job job = job(services, p, ctx);
            long again = services.jobs().rerun(p, job, services.with(s -> s.project(job.projectId(), p.teamIds())).orElseThrow());
            ctx.redirect("/jobs/" + again, HttpStatus.SEE_OTHER);
        });
    }

    static Store.Job job(Services services, Principal p, Context ctx) {
        long id = ProjectPages.longParam(ctx.pathParam("id"), "job");
        return services.with(s -> s.job(id, p.teamIds())).orElseThrow(() -> HttpError.notFound("job " + id));
    }

    private static String required(String kind) {
        if (kind == null || kind.isBlank()) {
            throw HttpError.badRequest("the form names no job kind");
        }
        return kind;
    }

    /** The job as JSON for the page's progress poll and the API. */
    public static java.util.Map<String, Object> status(Services services, Store.Job job) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("id", job.id());
        o.put("project_id", job.projectId());
        o.put("kind", job.kind());
        o.put("title", job.title());
        o.put("state", job.state().id());
        o.put("message", job.message());
        JobQueue.Live live = services.jobs().live(job.id());
        o.put("phase", live == null ? null : live.phase());
        o.put("done", live == null ? null : live.done());
        o.put("total", live == null ? null : live.total());
        o.put("cancel_requested", live != null && live.cancelRequested());
        o.put("result_id", job.resultId());
        o.put("created_by", job.createdBy());
        o.put("created_at", job.createdAt().toString());
        o.put("started_at", job.startedAt() == null ? null : job.startedAt().toString());
        o.put("finished_at", job.finishedAt() == null ? null : job.finishedAt().toString());
        return o;
    }

    static String page(Services services, Principal p, Store.Job job) {
        Store.Project project = services.with(s -> s.project(job.projectId(), p.teamIds())).orElseThrow();
        JobQueue.Live live = services.jobs().live(job.id());
        StringBuilder b = new StringBuilder(ProjectPages.crumbs(project)).append("<h1>").append(esc(job.title())).append("</h1>")
                .append("<div id=\"job\" data-job=\"").append(job.id()).append("\" data-state=\"").append(job.state().id()).append("\">")
                .append("<table class=\"kv\"><tr><th>kind</th><td>").append(esc(services.jobs().kind(job.kind()).label())).append("</td></tr>")
                .append("<tr><th>state</th><td id=\"job-state\">").append(esc(job.state().id())).append("</td></tr>")
                .append("<tr><th>submitted</th><td>").append(esc(job.createdBy())).append(", ").append(ProjectPages.WHEN.format(job.createdAt()))
                .append("</td></tr>");
        if (job.finishedAt() != null) {
            b.append("<tr><th>ended</th><td>").append(ProjectPages.WHEN.format(job.finishedAt())).append("</td></tr>");
        }
        b.append("</table>");
        if (!job.state().finished()) {
            long done = live == null ? 0 : live.done();
            long total = live == null ? 0 : live.total();
            b.append("<p><progress id=\"job-progress\" max=\"").append(Math.max(1, total)).append("\"")
                    .append(total > 0 ? " value=\"" + done + "\"" : "").append("></progress> <span id=\"job-phase\">")
                    .append(esc(live == null ? "waiting for a free worker" : live.phase() + (total > 0 ? ": " + done + " of " + total : "")))
                    .append("</span></p><p class=\"muted\">This page follows the job; you can leave it and come back.</p>");
            if (p.may(project.teamId(), Store.Role.RESEARCHER)) {
                b.append("<form method=\"post\" action=\"/jobs/").append(job.id()).append("/cancel\" class=\"danger\">").append(Html.csrf(p))
                        .append("<button type=\"submit\" id=\"cancel-job\">Cancel this job</button></form>");
            }
        } else {
            if (!job.message().isEmpty()) {
                b.append(Html.notice(job.state() == Store.JobState.DONE ? "notice" : "error", job.message()));
            }
            if (job.resultId() != null) {
                b.append("<p><a id=\"job-result\" href=\"/results/").append(job.resultId()).append("\">Open the result</a></p>");
            }
            if (job.state() != Store.JobState.DONE && p.may(project.teamId(), Store.Role.RESEARCHER)) {
                b.append("<form method=\"post\" action=\"/jobs/").append(job.id()).append("/rerun\">").append(Html.csrf(p))
                        .append("<button type=\"submit\" id=\"rerun-job\">Run it again</button></form>");
            }
        }
        b.append("<h2>Request</h2><table class=\"kv\" id=\"job-request\">");
        JsonNode request = ProjectPages.read(job.request());
        request.fields().forEachRemaining(e -> b.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
                .append(esc(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())).append("</td></tr>"));
        b.append("</table></div>");
        return Html.page(job.title(), p, b.toString());
    }

    /** The list of a project's jobs. */
    static void list(StringBuilder b, List<Store.Job> jobs) {
        b.append("<h2>Jobs</h2><table class=\"list\" id=\"jobs\"><thead><tr><th>Job</th><th>State</th><th>By</th><th>Submitted</th></tr>"
                + "</thead><tbody>");
        for (Store.Job j : jobs) {
            b.append("<tr><td><a href=\"/jobs/").append(j.id()).append("\">").append(esc(j.title())).append("</a></td><td>")
                    .append(esc(j.state().id())).append("</td><td>").append(esc(j.createdBy())).append("</td><td>")
                    .append(ProjectPages.WHEN.format(j.createdAt())).append("</td></tr>");
        }
        if (jobs.isEmpty()) {
            b.append("<tr><td colspan=\"4\" class=\"muted\">No jobs yet.</td></tr>");
        }
        b.append("</tbody></table>");
    }

    static String form(Principal p, Store.Project project, String kind, String modelId) {
        if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
            throw HttpError.forbidden("running analyses needs the researcher or admin role in " + project.teamName());
        }
        Model model = ModelCatalog.get(modelId == null ? "gut-bone-axis" : modelId);
        String k = kind == null ? "vpop" : kind;
        StringBuilder b = new StringBuilder(ProjectPages.crumbs(project));
        switch (k) {
            case "vpop" -> b.append("<h1>Virtual population</h1><p>Women (or mice) whose parameters vary as a shipped variability file says;"
                    + " the page shows the median and the 50 % and 90 % bands of each observable over time.</p>");
            case "sensitivity" -> b.append("<h1>Sensitivity</h1><p>Which parameters move one observable at one time: normalised local"
                    + " sensitivities, Morris elementary effects, or Sobol indices with bootstrap intervals.</p>");
            case "fit" -> b.append("<h1>Fit</h1><p>Estimate parameters from a shipped measurement table by weighted least squares from"
                    + " several starts, with profile or bootstrap intervals.</p>");
            default -> throw HttpError.notFound("job form '" + k + "' (forms: vpop, sensitivity, fit; cohort analyses start from a cohort)");
        }
        b.append(modelChooser(project, k, model));
        b.append("<form method=\"post\" action=\"/projects/").append(project.id()).append("/jobs\" class=\"stack\" id=\"job-form\">")
                .append(Html.csrf(p)).append("<input type=\"hidden\" name=\"kind\" value=\"").append(esc(k)).append("\">")
                .append("<input type=\"hidden\" name=\"model\" value=\"").append(esc(model.id())).append("\">");
        boolean scenarios = model.parameters().stream().anyMatch(s -> s.id().equals("scenario"));
        if (scenarios) {
            b.append(select("scenario", "Scenario", ScenarioFiles.BUILT_IN, k.equals("vpop") ? "menopause-natural" : "ovx"));
        }
        switch (k) {
            case "vpop" -> b.append(number("n", "Subjects (1–20,000)", "200", "1", "20000", "1"))
                    .append(select("variability", "Variability", Variability.SHIPPED, model.id().equals("gut-bone-axis") && scenarios
                            ? "human-variability.tsv" : Variability.SHIPPED.get(0)))
                    .append(observableChecks(model))
                    .append(number("t_end", "Last day (empty: the scenario's)", "", "0", "", "any"))
                    .append(number("step", "Output step in days (empty: the scenario's)", "", "0", "", "any"))
                    .append(number("seed", "Seed", "1", "", "", "1"));
            case "sensitivity" -> b.append(select("output", "Observable", model.observables().stream().map(Observable::id).toList(),
                            model.observables().get(0).id()))
                    .append(number("at", "At day", "28", "0", "", "any"))
                    .append(select("method", "Method", List.of("local", "morris", "sobol"), "local"))
                    .append(number("samples", "Morris trajectories or Sobol base samples (empty: 20 or 256)", "", "2", "4096", "1"))
                    .append(number("range", "± range around each value", "0.2", "0.001", "0.999", "any"))
                    .append(text("parameters", "Parameters to vary (comma-separated; empty: the calibrated ones)", ""))
                    .append(number("seed", "Seed", "1", "", "", "1"));
            default -> b.append(select("data", "Measurements (shipped)", MeasurementTable.SHIPPED, MeasurementTable.SHIPPED.get(0)))
                    .append(text("fit", "Parameters to estimate (comma-separated)", ""))
                    .append(text("use", "Only rows whose 'use' column is (empty: all)", ""))
                    .append(number("multistart", "Starts", "4", "1", "64", "1"))
                    .append(select("intervals", "Intervals", List.of("profile", "bootstrap", "none"), "profile"))
                    .append(number("seed", "Seed", "1", "", "", "1"));
        }
        b.append("<label>Parameter values (NAME=VALUE, one per line)<textarea name=\"set\" rows=\"3\" cols=\"40\"></textarea></label>")
                .append("<button type=\"submit\">Start the job</button></form>");
        return Html.page(model.id() + " " + k, p, b.toString());
    }

    private static String modelChooser(Store.Project project, String kind, Model model) {
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"/projects/").append(project.id())
                .append("/jobs/new\" class=\"inline-form\"><input type=\"hidden\" name=\"kind\" value=\"").append(esc(kind))
                .append("\"><label>Model <select name=\"model\">");
        for (Model m : ModelCatalog.all()) {
            b.append("<option").append(m.id().equals(model.id()) ? " selected" : "").append(">").append(esc(m.id())).append("</option>");
        }
        return b.append("</select></label><button type=\"submit\">Change model</button></form>").toString();
    }

    private static String observableChecks(Model model) {
        StringBuilder b = new StringBuilder("<fieldset><legend>Observables (none ticked: all)</legend><div class=\"checks\">");
        for (Observable o : model.observables()) {
            b.append("<label title=\"").append(esc(o.description())).append("\"><input type=\"checkbox\" name=\"observables\" value=\"")
                    .append(esc(o.id())).append("\"> ").append(esc(o.id())).append("</label>");
        }
        return b.append("</div></fieldset>").toString();
    }

    static String select(String name, String label, List<String> choices, String selected) {
        StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(esc(name)).append("\">");
        for (String c : choices) {
            b.append("<option").append(c.equals(selected) ? " selected" : "").append(">").append(esc(c)).append("</option>");
        }
        return b.append("</select></label>").toString();
    }

    static String number(String name, String label, String value, String min, String max, String step) {
        return "<label>" + esc(label) + " <input type=\"number\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\""
                + (min.isEmpty() ? "" : " min=\"" + esc(min) + "\"") + (max.isEmpty() ? "" : " max=\"" + esc(max) + "\"") + " step=\""
                + esc(step) + "\"></label>";
    }

    static String text(String name, String label, String value) {
        return "<label>" + esc(label) + " <input name=\"" + esc(name) + "\" value=\"" + esc(value) + "\" maxlength=\"2000\"></label>";
    }
}
