package org.osteobiome.app.web.pages;

import static org.osteobiome.app.web.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.Numbers;

/** The result pages of jobs and reports: virtual populations, sensitivity, fits, differential abundance, maps, risk reports. */
final class AnalysisPages {
    static final List<String> KINDS = List.of("vpop", "sensitivity", "fit", "cohort-da", "map", "report");

    private AnalysisPages() {
    }

    static void render(Services services, Principal p, Store.Result r, JsonNode payload, StringBuilder b) {
        switch (r.kind()) {
            case "vpop" -> vpop(payload, b);
            case "sensitivity" -> sensitivity(r, payload, b);
            case "fit" -> fit(payload, b);
            case "cohort-da" -> differentialAbundance(r, payload, b);
            case "map" -> map(services, p, r, payload, b);
            default -> report(r, payload, b);
        }
        figures(r, payload.path("figures"), b);
    }

    private static void vpop(JsonNode o, StringBuilder b) {
        b.append("<table class=\"kv\" id=\"summary\">");
        row(b, "subjects", o.path("subjects").asText());
        row(b, "failed runs", o.path("failed").asText() + (o.path("first_failure").isTextual() ? " (first: " + o.path("first_failure").asText()
                + ")" : ""));
        b.append("</table><h2>At day ").append(fmt(o.path("final_day"))).append("</h2><table class=\"list\" id=\"final\"><thead><tr>"
                + "<th>Observable</th><th>Unit</th><th>5 %</th><th>25 %</th><th>median</th><th>75 %</th><th>95 %</th></tr></thead><tbody>");
        for (JsonNode f : o.path("final")) {
            b.append("<tr><td title=\"").append(esc(f.path("description").asText())).append("\">").append(esc(f.path("id").asText()))
                    .append("</td><td>").append(esc(f.path("unit").asText())).append("</td>");
            f.path("quantiles").forEach(q -> b.append("<td>").append(fmt(q)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    private static void sensitivity(Store.Result r, JsonNode o, StringBuilder b) {
        List<String> columns = strings(o.path("columns"));
        List<String> plotted = strings(o.path("plotted"));
        double max = 0;
        for (JsonNode f : o.path("factors")) {
            for (String c : plotted) {
                max = Math.max(max, Math.abs(f.path("values").path(columns.indexOf(c)).asDouble(0)));
            }
        }
        b.append("<p>").append(esc(o.path("method").asText())).append(" sensitivity of <code>").append(esc(o.path("output").asText()))
                .append("</code> at day ").append(fmt(o.path("at"))).append("; ").append(o.path("evaluations").asText())
                .append(" model runs. The bars show |").append(esc(String.join("|, |", plotted))).append("| on a common scale.</p>")
                .append("<table class=\"list\" id=\"indices\"><thead><tr><th>Parameter</th><th>Low</th><th>High</th>");
        columns.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (JsonNode f : o.path("factors")) {
            b.append("<tr><td><code>").append(esc(f.path("id").asText())).append("</code></td><td>").append(fmt(f.path("low")))
                    .append("</td><td>").append(fmt(f.path("high"))).append("</td>");
            for (int c = 0; c < columns.size(); c++) {
                JsonNode v = f.path("values").path(c);
                b.append("<td>").append(fmt(v));
                if (plotted.contains(columns.get(c)) && v.isNumber() && max > 0) {
                    b.append("<br><meter min=\"0\" max=\"").append(max).append("\" value=\"").append(Math.abs(v.asDouble())).append("\"></meter>");
                }
                b.append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table><p class=\"downloads\">Download: <a href=\"/results/").append(r.id()).append("/download/tsv\">TSV</a></p>");
    }

    private static void fit(JsonNode o, StringBuilder b) {
        b.append("<table class=\"list\" id=\"estimates\"><thead><tr><th>Parameter</th><th>Estimate</th><th>95 % interval (")
                .append(esc(o.path("intervals").asText())).append(")</th><th>Search bounds</th></tr></thead><tbody>");
        for (JsonNode e : o.path("estimates")) {
            b.append("<tr><td><code>").append(esc(e.path("id").asText())).append("</code></td><td>").append(fmt(e.path("estimate")));
            if (e.path("at_bound").asBoolean()) {
                b.append(" <strong>at a search bound: not an estimate; widen the bounds</strong>");
            }
            b.append("</td><td>").append(e.path("lower").isNull() ? "not computed" : "[" + fmt(e.path("lower")) + ", " + fmt(e.path("upper")) + "]")
                    .append("</td><td>[").append(fmt(e.path("search_low"))).append(", ").append(fmt(e.path("search_high"))).append("]</td></tr>");
        }
        b.append("</tbody></table><p>").append(o.path("weighted").asBoolean() ? "chi-square " : "sum of squares (no SDs reported) ")
                .append(fmt(o.path("objective"))).append(" over ").append(o.path("measurements").asText()).append(" measurements; ")
                .append(o.path("evaluations").asText()).append(" model evaluations.</p><h2>Data and fitted values</h2><table class=\"list\""
                + " id=\"residuals\"><thead><tr><th>Observable</th><th>Condition</th><th>Day</th><th>Measured</th><th>Fitted</th><th>z</th>"
                + "</tr></thead><tbody>");
        for (JsonNode x : o.path("residuals")) {
            b.append("<tr><td>").append(esc(x.path("observable").asText())).append("</td><td>").append(esc(x.path("condition").asText()))
                    .append("</td><td>").append(fmt(x.path("time"))).append("</td><td>").append(fmt(x.path("measured"))).append("</td><td>")
                    .append(fmt(x.path("fitted"))).append("</td><td>").append(fmt(x.path("z"))).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static void differentialAbundance(Store.Result r, JsonNode o, StringBuilder b) {
        b.append("<table class=\"kv\" id=\"summary\">");
        row(b, "samples", o.path("samples").asText() + (o.path("dropped").size() > 0 ? " (" + o.path("dropped").size()
                + " left out for missing values)" : ""));
        row(b, "filter", o.path("filter").asText());
        row(b, "pseudocount", fmt(o.path("pseudocount")));
        for (int k = 0; k < o.path("terms").size(); k++) {
            row(b, "bias removed from " + o.path("terms").get(k).asText(), fmt(o.path("bias").get(k)) + " (natural log)");
        }
        b.append("</table><h2>Taxa by term (smallest p first; first 60 of each term)</h2><table class=\"list\" id=\"da\"><thead><tr>"
                + "<th>Taxon</th><th>Term</th><th>log2 fold change</th><th>SE</th><th>p</th><th>q (BH)</th><th>Status</th></tr></thead><tbody>");
        java.util.Map<String, Integer> shown = new java.util.HashMap<>();
        for (JsonNode x : o.path("rows")) {
            if (shown.merge(x.path("term").asText(), 1, Integer::sum) > 60) {
                continue;
            }
            b.append("<tr><td>").append(esc(x.path("taxon").asText())).append("</td><td>").append(esc(x.path("term").asText()))
                    .append("</td><td>").append(fmt(x.path("log2_fold_change"))).append("</td><td>").append(fmt(x.path("std_error")))
                    .append("</td><td>").append(fmt(x.path("p_value"))).append("</td><td>").append(fmt(x.path("q_value"))).append("</td><td>")
                    .append(esc(x.path("status").asText())).append("</td></tr>");
        }
        b.append("</tbody></table><p class=\"downloads\">Download every row: <a href=\"/results/").append(r.id())
                .append("/download/tsv\">TSV</a></p><p class=\"muted\">A taxon absent from a whole group is reported as a structural"
                + " zero, never with a fold change.</p>");
    }

    private static void map(Services services, Principal p, Store.Result r, JsonNode o, StringBuilder b) {
        Store.StoredMap m = services.with(s -> s.mapOfResult(r.id())).orElse(null);
        b.append("<p>").append(esc(o.path("data").asText())).append(": ").append(esc(o.path("group_column").asText())).append(", healthy = ")
                .append(esc(o.path("healthy").asText())).append("; ").append(o.path("taxa").asText()).append(" taxa kept (")
                .append(esc(o.path("filter").asText())).append(").</p><table class=\"list\" id=\"performance\"><thead><tr><th>Classifier"
                + "</th><th>AUROC [DeLong 95 %]</th><th>AUPRC</th><th>Balanced accuracy</th><th>Cross-validation</th></tr></thead><tbody>");
        performance(b, "elastic net (α " + fmt(o.path("alpha")) + ", λ " + fmt(o.path("lambda")) + ")", o.path("elastic_net"));
        if (o.has("random_forest")) {
            performance(b, "random forest (comparison)", o.path("random_forest"));
        }
        b.append("</tbody></table><h2>Groups</h2><ul>");
        for (int g = 0; g < o.path("levels").size(); g++) {
            b.append("<li>").append(esc(o.path("levels").get(g).asText())).append(": ").append(o.path("group_sizes").get(g).asText())
                    .append(" samples</li>");
        }
        b.append("</ul><h2>Weights of the final elastic net (largest first)</h2><table class=\"list\" id=\"weights\"><thead><tr><th>Taxon</th>"
                + "<th>Weight (CLR scale)</th><th>Non-zero in fold models</th></tr></thead><tbody>");
        int shown = 0;
        for (JsonNode w : o.path("weights")) {
            if (shown++ == 25) {
                break;
            }
            b.append("<tr><td>").append(esc(w.path("taxon").asText())).append("</td><td>").append(fmt(w.path("weight"))).append("</td><td>")
                    .append(Math.round(100 * w.path("stability").asDouble())).append(" %</td></tr>");
        }
        if (o.path("weights").isEmpty()) {
            b.append("<tr><td colspan=\"3\" class=\"muted\">No taxon has a non-zero weight: the classifier predicts the base rate.</td></tr>");
        }
        b.append("</tbody></table>");
        if (m != null) {
            b.append("<p class=\"downloads\">Download the map: <a id=\"download-map\" href=\"/maps/").append(m.id()).append("/download\">")
                    .append(esc(MapPages.fileName(m.name()))).append(".osmap</a> (SHA-256 <code>").append(esc(m.sha256()))
                    .append("</code>) — read by <code>osteobiome map score</code> too.</p>");
            if (p.may(services.with(s -> s.project(r.projectId(), p.teamIds())).orElseThrow().teamId(), Store.Role.RESEARCHER)) {
                b.append(MapPages.scoreForm(p, m));
            }
        }
    }

    private static void performance(StringBuilder b, String name, JsonNode q) {
        b.append("<tr><td>").append(esc(name)).append("</td><td>").append(fmt(q.path("auroc"))).append(" [").append(fmt(q.path("auroc_lower")))
                .append(", ").append(fmt(q.path("auroc_upper"))).append("]</td><td>").append(fmt(q.path("auprc"))).append("</td><td>")
                .append(fmt(q.path("balanced_accuracy"))).append("</td><td>").append(q.path("repeats").asText()).append(" × ")
                .append(q.path("folds").asText()).append("-fold; ").append(q.path("cases").asText()).append(" at risk, ")
                .append(q.path("controls").asText()).append(" healthy</td></tr>");
    }

    private static void report(Store.Result r, JsonNode o, StringBuilder b) {
        b.append(Html.notice("notice", o.path("limits").asText())).append("<p>Map ").append(esc(o.path("map_name").asText())).append(" (")
                .append(esc(o.path("map_data").asText())).append("); sample file ").append(esc(o.path("sample_file").asText()))
                .append(".</p><p class=\"downloads\">Download the print-ready report: <a id=\"download-report\" href=\"/results/")
                .append(r.id()).append("/download/html\">HTML</a> (print it to PDF from the browser)</p>");
        for (JsonNode s : o.path("scores")) {
            b.append("<section class=\"sample\"><h2>Sample ").append(esc(s.path("sampleId").asText())).append("</h2><p class=\"risk\">")
                    .append("At-risk probability <strong>").append(pct(s.path("probability"))).append("</strong> (cross-validation models: ")
                    .append(pct(s.path("lower"))).append("–").append(pct(s.path("upper"))).append("); ").append(s.path("matched").asText())
                    .append(" of the map's ").append(s.path("mapTaxa").asText()).append(" taxa found, carrying ").append(pct(s.path("coveredShare")))
                    .append(" of her reads.</p>");
            for (JsonNode w : s.path("warnings")) {
                b.append(Html.notice("error", "warning: " + w.asText()));
            }
            b.append("<table class=\"list\"><thead><tr><th>Index</th><th>Her value</th><th>Healthy reference (5 %, median, 95 %)</th>"
                    + "<th>Healthy percentile</th></tr></thead><tbody>");
            for (JsonNode m : s.path("indices")) {
                b.append("<tr><td title=\"").append(esc(m.path("description").asText())).append("\">").append(esc(m.path("name").asText()))
                        .append("</td><td>").append(fmt(m.path("value"))).append(" ").append(esc(m.path("unit").asText())).append("</td><td>")
                        .append(fmt(m.path("healthyLow"))).append(", ").append(fmt(m.path("healthyMedian"))).append(", ")
                        .append(fmt(m.path("healthyHigh"))).append("</td><td>").append(esc(Numbers.format(Math.round(m.path("percentile").asDouble() * 10)
                        / 10.0))).append("</td></tr>");
            }
            b.append("</tbody></table></section>");
        }
        if (o.path("forecast_summary").size() > 0) {
            b.append("<h2>Bone forecast</h2><table class=\"list\" id=\"forecast\"><thead><tr><th>Sample</th><th>Arm</th><th>BMD at start"
                    + " (%)</th><th>BMD at year end (%)</th><th>5–95 % of the virtual women at the end</th></tr></thead><tbody>");
            for (JsonNode f : o.path("forecast_summary")) {
                b.append("<tr><td>").append(esc(f.path("sample_id").asText())).append("</td><td>").append(esc(f.path("arm").asText()))
                        .append("</td><td>").append(fmt(f.path("start"))).append("</td><td>").append(fmt(f.path("end"))).append(" (year ")
                        .append(fmt(f.path("end_year"))).append(")</td><td>").append(fmt(f.path("end_p05"))).append("–").append(fmt(f.path("end_p95")))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
    }

    /** The result's figures, drawn in the page from their data, each downloadable as PNG and SVG. */
    private static void figures(Store.Result r, JsonNode figures, StringBuilder b) {
        if (figures.isEmpty()) {
            return;
        }
        b.append("<div class=\"charts\" data-chart=\"figures\" data-source=\"figures-data\"></div><script type=\"application/json\""
                + " id=\"figures-data\">").append(Html.json(figures.toString())).append("</script><p class=\"downloads\">Figures as files:");
        for (int i = 0; i < figures.size(); i++) {
            b.append(" ").append(esc(figures.get(i).path("title").asText())).append(" <a href=\"/results/").append(r.id())
                    .append("/download/png?figure=").append(i).append("\">PNG</a> <a href=\"/results/").append(r.id())
                    .append("/download/svg?figure=").append(i).append("\">SVG</a>").append(i < figures.size() - 1 ? " ·" : "");
        }
        b.append("</p>");
    }

    private static String pct(JsonNode v) {
        return v.isNumber() ? esc(Numbers.format(Math.round(v.asDouble() * 1000) / 10.0)) + " %" : "NA";
    }

    static String fmt(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "NA";
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return esc(Numbers.format(Math.abs(d) >= 0.001 || d == 0 ? Math.round(d * 1e4) / 1e4 : Double.parseDouble(String.format(
                    java.util.Locale.ROOT, "%.3g", d))));
        }
        return esc(v.asText("NA"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }
}
