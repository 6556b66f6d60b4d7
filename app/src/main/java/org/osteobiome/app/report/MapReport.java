package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.microbiome.map.MapScorer;
import org.osteobiome.microbiome.map.ReferenceMap;

/** The risk report of scored samples as one self-contained HTML page (inline SVG charts). */
public final class MapReport {
    private MapReport() {
    }

    /** What the microbiome can and cannot say about bone, shown on every report. */
    public static final String LIMITS = "What this can and cannot say: gut microbiome differences between women with low and "
            + "normal bone density are small in published cohorts (MrOS: |log2 fold change| < 0.35 per taxon; metadata explained "
            + "15–17% of community variance in Das et al. 2019), and directions differ between studies. A probability from this map "
            + "describes how much her profile resembles the map's at-risk women in one cohort; it does not measure her bone, "
            + "does not replace a DXA scan, and must not guide treatment.";

    public static String html(ReferenceMap map, List<MapScorer.Score> scores, String mapName) {
        return html(map, scores, mapName, List.of());
    }

    /** The report with each sample's forecast after its scores ({@code forecasts} empty, or one per score in order). */
    public static String html(ReferenceMap map, List<MapScorer.Score> scores, String mapName, List<BoneForecast.Result> forecasts) {
        HtmlPage page = new HtmlPage("Gut microbiome reference map report");
        page.paragraph("Map " + mapName + ": " + map.dataLabel() + "; " + map.groups().get(0).samples() + " healthy ('" + map.healthy()
                + "') and " + (sum(map.groupSizes()) - map.groupSizes()[0]) + " at-risk women (column '" + map.groupColumn() + "': "
                + String.join(", ", map.levels().subList(1, map.levels().size())) + ").");
        page.markup("<p class=\"notice\">" + HtmlPage.escape(LIMITS) + "</p>");
        if (scores.size() > 1) {
            List<List<String>> rows = new ArrayList<>();
            for (MapScorer.Score s : scores) {
                rows.add(List.of(s.sampleId(), f2(s.probability()), "[" + f2(s.lower()) + ", " + f2(s.upper()) + "]",
                        String.valueOf(s.warnings().size())));
            }
            page.heading("Samples");
            page.table(List.of("sample", "at-risk probability", "range of fold models", "data-quality warnings"), rows);
        }
        ReferenceMap.Performance perf = map.classifier().performance();
        for (MapScorer.Score s : scores) {
            page.heading("Sample " + s.sampleId());
            page.paragraph(String.format(Locale.ROOT, "At-risk probability %.2f (range of the %d cross-validation models: %.2f–%.2f). "
                            + "The map's classifier separated at-risk from healthy women with a cross-validated AUROC of %.2f "
                            + "(95%% DeLong interval %.2f–%.2f; 0.5 is chance); the dashed line marks the at-risk share of the "
                            + "cohort (%.2f), where a profile tells nothing either way.", s.probability(),
                    map.classifier().foldIntercepts().length, s.lower(), s.upper(), perf.auroc(), perf.aurocLower(), perf.aurocUpper(),
                    perf.threshold()));
            page.markup(Svg.probabilityScale(s.probability(), s.lower(), s.upper(), perf.threshold(), "cohort share", 520));
            page.markup("<figure>" + placePlot(map, s) + "<figcaption>" + HtmlPage.escape(placeCaption(map)) + "</figcaption></figure>");
            page.heading("Indices against the healthy reference");
            page.markup(measureTable(s.indices()));
            page.paragraph("Bars: 0–100th percentile of the healthy women ('" + map.healthy() + "'); blue, their middle half; "
                    + "line, their median; dot, this sample. The butyrate-producer value is a genus-sum proxy: 16S data cannot "
                    + "measure the guild's capacity accurately.");
            page.heading("Key taxa (most different between the groups in the cohort)");
            page.markup(measureTable(s.taxa()));
            page.heading("Data quality");
            List<String> quality = new ArrayList<>();
            quality.add(s.matched() + " of the map's " + s.mapTaxa() + " taxa found in the sample; "
                    + Math.round(100 * s.coveredShare()) + "% of its reads are on them; depth " + Math.round(s.depth()) + ".");
            quality.addAll(s.warnings().isEmpty() ? List.of("No warnings.") : s.warnings().stream().map(w -> "Warning: " + w).toList());
            for (String q : quality) {
                page.paragraph(q);
            }
            if (!forecasts.isEmpty()) {
                ForecastReport.section(page, forecasts.get(scores.indexOf(s)));
            }
        }
        page.heading("About the map");
        List<List<String>> about = new ArrayList<>();
        about.add(List.of("built by", "osteobiome " + map.toolVersion() + ", map format " + map.formatVersion()));
        about.add(List.of("command", map.command()));
        about.add(List.of("seed", String.valueOf(map.seed())));
        for (ReferenceMap.InputFile in : map.inputs()) {
            about.add(List.of(in.role(), in.name() + " (" + in.bytes() + " bytes, SHA-256 " + in.sha256() + ")"));
        }
        about.add(List.of("taxa", map.filter()));
        about.add(List.of("classifier", String.format(Locale.ROOT, "elastic-net logistic regression (α %.2f, λ %.4g) on CLR values; "
                + "%d×%d-fold cross-validation with %d-fold inner tuning; AUPRC %.2f, balanced accuracy %.2f", map.classifier().alpha(),
                map.classifier().lambda(), perf.repeats(), perf.folds(), perf.innerFolds(), perf.auprc(), perf.balancedAccuracy())));
        ReferenceMap.Forest forest = map.forest();
        if (forest != null) {
            ReferenceMap.Performance fp = forest.performance();
            about.add(List.of("random forest (comparison)", String.format(Locale.ROOT, "%d trees, mtry %d, on the same folds: "
                    + "cross-validated AUROC %.2f (DeLong 95%% %.2f–%.2f), AUPRC %.2f, balanced accuracy %.2f; the probability above "
                    + "is the elastic net's", forest.trees(), forest.mtry(), fp.auroc(), fp.aurocLower(), fp.aurocUpper(), fp.auprc(),
                    fp.balancedAccuracy())));
        }
        page.markup(plainTable(about));
        return page.render();
    }

    private static String placePlot(ReferenceMap map, MapScorer.Score s) {
        ReferenceMap.Ordination o = map.ordination();
        List<Svg.Series> series = new ArrayList<>();
        for (int g = 0; g < map.levels().size(); g++) {
            final int level = g;
            int[] idx = java.util.stream.IntStream.range(0, o.groups().length).filter(i -> o.groups()[i] == level).toArray();
            double[] x = java.util.Arrays.stream(idx).mapToDouble(i -> o.coordinates()[i][0]).toArray();
            double[] y = java.util.Arrays.stream(idx).mapToDouble(i -> o.coordinates()[i].length > 1 ? o.coordinates()[i][1] : 0).toArray();
            series.add(new Svg.Series(map.levels().get(g) + " (" + idx.length + ")", x, y, Svg.PALETTE.get(g % 6), false));
        }
        series.add(new Svg.Series(s.sampleId(), new double[] {s.coordinates()[0]},
                new double[] {s.coordinates().length > 1 ? s.coordinates()[1] : 0}, "#F0E442", true));
        return Svg.scatter(axis(o, 0), axis(o, 1), series, 640, 420);
    }

    private static String axis(ReferenceMap.Ordination o, int k) {
        return k < o.explained().length ? String.format(Locale.ROOT, "PCoA %d (%.1f%% of Aitchison variance)", k + 1, 100 * o.explained()[k])
                : "PCoA " + (k + 1);
    }

    private static String placeCaption(ReferenceMap map) {
        return "Her place on the map: principal coordinates of the reference women's Aitchison distances (Euclidean distance of "
                + "CLR profiles over the map's " + map.features().size() + " taxa); the star is this sample, placed by Gower's "
                + "add-a-point without changing the reference. " + map.dataLabel() + ".";
    }

    private static String measureTable(List<MapScorer.Measure> measures) {
        StringBuilder b = new StringBuilder("<table><thead><tr><th>measure</th><th>value</th><th>healthy median [middle half]</th>"
                + "<th>percentile</th><th>against healthy</th></tr></thead><tbody>\n");
        for (MapScorer.Measure m : measures) {
            b.append("<tr><td title=\"").append(HtmlPage.escape(m.description())).append("\">").append(HtmlPage.escape(m.name()))
                    .append("<br><small>").append(HtmlPage.escape(shorten(m.description()))).append("</small></td><td>")
                    .append(HtmlPage.escape(g3(m.value()) + " " + m.unit())).append("</td><td>")
                    .append(HtmlPage.escape(g3(m.healthyMedian()) + " [" + g3(m.healthyLow()) + ", " + g3(m.healthyHigh()) + "]"))
                    .append("</td><td>").append(Math.round(m.percentile())).append("</td><td>")
                    .append(Svg.percentileBar(m.percentile(), 180)).append("</td></tr>\n");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String plainTable(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table><tbody>\n");
        for (List<String> r : rows) {
            b.append("<tr><th>").append(HtmlPage.escape(r.get(0))).append("</th><td style=\"text-align:left\">")
                    .append(HtmlPage.escape(r.get(1))).append("</td></tr>\n");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String shorten(String s) {
        return s.length() > 110 ? s.substring(0, 107) + "…" : s;
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String g3(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }
}
