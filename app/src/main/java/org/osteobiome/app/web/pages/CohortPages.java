package org.osteobiome.app.web.pages;

import static org.osteobiome.app.web.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osteobiome.app.web.CohortUploads;
import org.osteobiome.app.web.RouteTable;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.Numbers;

/** Cohorts: the upload form and the overview page (checks, alpha diversity by group, PCoA by group, PERMANOVA). */
public final class CohortPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CohortPages() {
    }

    public static void register(RouteTable routes, Services services) {
        routes.signedIn(HandlerType.GET, "/projects/{id}/cohorts/new", (ctx, p) -> ctx.html(form(p, ProjectPages.project(services, p, ctx))));
        routes.signedIn(HandlerType.POST, "/projects/{id}/cohorts", (ctx, p) -> {
            long id = CohortUploads.upload(ctx, services, p, ProjectPages.project(services, p, ctx));
            ctx.redirect("/results/" + id, HttpStatus.SEE_OTHER);
        });
    }

    static String form(Principal p, Store.Project project) {
        String body = "<p class=\"crumbs\"><a href=\"/\">Projects</a> › <a href=\"/projects/" + project.id() + "\">" + esc(project.name())
                + "</a></p><h1>Upload a cohort</h1><p>A feature table (BIOM 1.0 JSON or 2.1 HDF5, QIIME 2 <code>.qza</code>, classic"
                + " TSV or a merged MetaPhlAn table) and its sample metadata (TSV or CSV, a row per sample, QIIME 2 style accepted)."
                + " Both are read whole and checked before anything is stored; the overview (diversity by group, PCoA, PERMANOVA"
                + " with 999 permutations) is computed then.</p>"
                + "<form method=\"post\" action=\"/projects/" + project.id() + "/cohorts\" enctype=\"multipart/form-data\" class=\"stack\""
                + " id=\"upload\">" + Html.csrf(p)
                + "<label>Name <input name=\"name\" maxlength=\"200\" placeholder=\"e.g. Karlsson 2013\"></label>"
                + "<label>Feature table <input type=\"file\" name=\"table\" required></label>"
                + "<label>Sample metadata <input type=\"file\" name=\"metadata\" required></label>"
                + "<label>Group column <input name=\"group_column\" required placeholder=\"e.g. bone_status\"></label>"
                + "<label>Collapse to rank <select name=\"rank\"><option value=\"\">as uploaded</option><option>phylum</option>"
                + "<option>class</option><option>order</option><option>family</option><option>genus</option><option>species</option>"
                + "</select></label><button type=\"submit\">Upload and analyse</button></form>";
        return Html.page("Upload a cohort", p, body);
    }

    /** The overview page of a stored cohort result. */
    static String overview(Store.Result r, JsonNode payload, StringBuilder b) {
        JsonNode o = payload.path("overview");
        JsonNode checks = o.path("checks");
        b.append("<h2>Checks</h2><table class=\"kv\" id=\"checks\">");
        row(b, "samples in the table", checks.path("samples").asText());
        row(b, "taxa", checks.path("taxa").asText());
        row(b, "samples analysed", checks.path("analysed").asText());
        row(b, "left out (no group value)", checks.path("leftOut").size() == 0 ? "none" : String.join(", ", strings(checks.path("leftOut"))));
        row(b, "sequencing depth min / median / max", Numbers.format(checks.path("minDepth").asDouble()) + " / "
                + Numbers.format(checks.path("medianDepth").asDouble()) + " / " + Numbers.format(checks.path("maxDepth").asDouble()));
        for (JsonNode w : checks.path("metadataWarnings")) {
            row(b, "metadata note", w.asText());
        }
        b.append("</table><h2>Groups</h2><ul id=\"groups\">");
        for (int g = 0; g < o.path("levels").size(); g++) {
            b.append("<li>").append(esc(o.path("levels").get(g).asText())).append(": ").append(o.path("groupSizes").get(g).asInt())
                    .append(" samples</li>");
        }
        b.append("</ul><h2>Beta diversity: Bray–Curtis PCoA</h2>")
                .append("<div class=\"charts\" data-chart=\"scatter\" data-source=\"pcoa-data\"></div>")
                .append("<script type=\"application/json\" id=\"pcoa-data\">").append(Html.json(pcoaData(o).toString())).append("</script>");
        JsonNode perm = o.path("permanova");
        JsonNode disp = o.path("permdisp");
        b.append("<table class=\"kv\" id=\"permanova\">");
        row(b, "PERMANOVA (" + o.path("permutations").asText() + " permutations, seed " + o.path("seed").asText() + ")", "pseudo-F "
                + fmt(perm.path("f")) + ", R² " + fmt(perm.path("r2")) + ", p " + fmt(perm.path("pValue")));
        row(b, "PERMDISP (spatial median)", "F " + fmt(disp.path("statistic")) + ", p " + fmt(disp.path("pValue"))
                + " — a small p says the groups differ in spread, which PERMANOVA also picks up");
        b.append("</table><h2>Alpha diversity by group</h2><table class=\"list\" id=\"alpha\"><thead><tr><th>Metric</th>");
        for (JsonNode level : o.path("levels")) {
            b.append("<th>").append(esc(level.asText())).append(" median [IQR]</th>");
        }
        b.append("<th>Kruskal–Wallis H</th><th>p</th><th>q (BH)</th></tr></thead><tbody>");
        for (JsonNode m : o.path("alpha").path("metrics")) {
            b.append("<tr><td>").append(esc(m.path("metric").asText())).append("</td>");
            for (JsonNode g : m.path("groups")) {
                b.append("<td>").append(fmt(g.path("median"))).append(" [").append(fmt(g.path("q1"))).append(", ").append(fmt(g.path("q3")))
                        .append("]</td>");
            }
            b.append("<td>").append(fmt(m.path("h"))).append("</td><td>").append(fmt(m.path("pValue"))).append("</td><td>")
                    .append(fmt(m.path("qValue"))).append("</td></tr>");
        }
        b.append("</tbody></table><h3>Pairwise Wilcoxon rank-sum (BH within each metric)</h3><table class=\"list\" id=\"pairs\"><thead><tr>"
                + "<th>Metric</th><th>Group</th><th>Against</th><th>W</th><th>p</th><th>q</th></tr></thead><tbody>");
        for (JsonNode pr : o.path("alpha").path("pairs")) {
            b.append("<tr><td>").append(esc(pr.path("metric").asText())).append("</td><td>").append(esc(pr.path("group").asText()))
                    .append("</td><td>").append(esc(pr.path("against").asText())).append("</td><td>").append(fmt(pr.path("w")))
                    .append("</td><td>").append(fmt(pr.path("pValue"))).append("</td><td>").append(fmt(pr.path("qValue"))).append("</td></tr>");
        }
        return b.append("</tbody></table><p class=\"muted\">Diversity is computed on the table as uploaded; rarefy first when depths"
                + " differ widely. Research software: group differences in a cohort do not diagnose anyone.</p>").toString();
    }

    private static ObjectNode pcoaData(JsonNode o) {
        JsonNode pc = o.path("pcoa");
        ObjectNode data = JSON.createObjectNode();
        data.put("x_label", "PCoA 1 (" + Numbers.format(Math.round(pc.path("explained1").asDouble() * 1000) / 10.0) + "%)");
        data.put("y_label", "PCoA 2 (" + Numbers.format(Math.round(pc.path("explained2").asDouble() * 1000) / 10.0) + "%)");
        Map<String, ArrayNode[]> byGroup = new LinkedHashMap<>();
        for (JsonNode level : o.path("levels")) {
            byGroup.put(level.asText(), new ArrayNode[] {JSON.createArrayNode(), JSON.createArrayNode(), JSON.createArrayNode()});
        }
        for (int i = 0; i < pc.path("ids").size(); i++) {
            ArrayNode[] g = byGroup.get(pc.path("groups").get(i).asText());
            g[0].add(pc.path("axis1").get(i).asDouble());
            g[1].add(pc.path("axis2").get(i).asDouble());
            g[2].add(pc.path("ids").get(i).asText());
        }
        ArrayNode groups = data.putArray("groups");
        byGroup.forEach((name, g) -> {
            ObjectNode n = groups.addObject();
            n.put("label", name);
            n.set("x", g[0]);
            n.set("y", g[1]);
            n.set("ids", g[2]);
        });
        return data;
    }

    private static java.util.List<String> strings(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String fmt(JsonNode v) {
        if (v.isNumber()) {
            return esc(Numbers.format(Math.abs(v.asDouble()) >= 0.001 || v.asDouble() == 0 ? Math.round(v.asDouble() * 1e4) / 1e4
                    : v.asDouble()));
        }
        return esc(v.asText("NA"));
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    /** The forms that start differential abundance and a map build on a stored cohort. */
    static void analyses(Principal p, Store.Project project, Store.Cohort c, JsonNode payload, StringBuilder b) {
        if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
            return;
        }
        java.util.List<String> levels = new java.util.ArrayList<>();
        payload.path("overview").path("levels").forEach(l -> levels.add(l.asText()));
        String common = "<input type=\"hidden\" name=\"cohort\" value=\"" + c.id() + "\">" + JobPages.select("healthy", "Healthy (reference)"
                + " group", levels, levels.isEmpty() ? "" : levels.get(0)) + JobPages.text("covariates", "Covariates (comma-separated columns,"
                + " e.g. age,bmi)", "") + JobPages.number("min_prevalence", "Keep taxa present in at least this share of samples", "0.25",
                "0", "1", "any") + "<div class=\"checks\"><label><input type=\"checkbox\" name=\"drop_incomplete\" value=\"true\"> leave out"
                + " samples with missing values</label></div>";
        b.append("<h2>Differential abundance</h2><p>CLR with a linear model on the group (and covariates), the compositional bias"
                + " removed (in the spirit of ANCOM-BC), Benjamini–Hochberg q-values, structural zeros reported; a volcano plot.</p>")
                .append("<form method=\"post\" action=\"/projects/").append(project.id()).append("/jobs\" class=\"stack\" id=\"da-form\">")
                .append(Html.csrf(p)).append("<input type=\"hidden\" name=\"kind\" value=\"cohort-da\">").append(common)
                .append(JobPages.number("q", "q-value marked in the volcano", "0.05", "0", "1", "any"))
                .append("<button type=\"submit\">Start differential abundance</button></form>");
        b.append("<h2>Build a reference map</h2><p>Per-group reference distributions, the Aitchison PCoA, and an elastic-net classifier"
                + " of healthy vs the other groups under repeated stratified cross-validation with nested tuning (a random forest beside"
                + " it on the same folds). The map scores new samples.</p>")
                .append("<form method=\"post\" action=\"/projects/").append(project.id()).append("/jobs\" class=\"stack\" id=\"map-form\">")
                .append(Html.csrf(p)).append("<input type=\"hidden\" name=\"kind\" value=\"map-build\">").append(common)
                .append(JobPages.text("name", "Map name", c.name() + " map"))
                .append(JobPages.number("cv_repeats", "Cross-validation repeats", "5", "1", "20", "1"))
                .append(JobPages.number("cv_folds", "Outer folds", "5", "2", "10", "1"))
                .append(JobPages.number("trees", "Random-forest trees (0: none)", "500", "0", "2000", "1"))
                .append(JobPages.number("seed", "Seed", "0", "", "", "1"))
                .append("<button type=\"submit\">Build the map</button></form>");
    }
}
