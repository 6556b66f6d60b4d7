package org.osteobiome.app.web.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.report.AnalysisFigures;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.microbiome.cohort.DifferentialAbundance;

/** Differential abundance of a stored cohort ({@code osteobiome cohort da}): CLR linear model, bias removed, BH, volcano. */
public final class DifferentialAbundanceJob implements JobKind {
    @Override
    public String id() {
        return "cohort-da";
    }

    @Override
    public String label() {
        return "Differential abundance";
    }

    @Override
    public String check(JobRequest r, Store.Project project, Store store) throws java.sql.SQLException {
        StoredCohort c = StoredCohort.load(r, StoredCohort.find(r, project.id(), store));
        r.number("q", 0.05, 1e-6, 1);
        return title(c);
    }

    @Override
    public JobOutput run(JobRequest r, JobContext context) throws Exception {
        StoredCohort c = StoredCohort.load(r, context.read(s -> StoredCohort.find(r, context.job().projectId(), s)));
        double q = r.number("q", 0.05, 1e-6, 1);
        context.phase("fitting one linear model per taxon");
        DifferentialAbundance.Result result = DifferentialAbundance.test(c.table(), c.row().name(), c.design(),
                new DifferentialAbundance.Options(c.minPrevalence(), 0, Double.NaN));
        List<DifferentialAbundance.Row> rows = new ArrayList<>(result.rows());
        rows.sort(Comparator.comparing(DifferentialAbundance.Row::term).thenComparingDouble(x -> Double.isNaN(x.pValue()) ? 2 : x.pValue()));
        List<Map<String, Object>> table = new ArrayList<>();
        for (DifferentialAbundance.Row x : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("taxon", x.taxon());
            row.put("term", x.term());
            row.put("log2_fold_change", finite(x.log2FoldChange()));
            row.put("std_error", finite(x.standardError() / Math.log(2)));
            row.put("p_value", finite(x.pValue()));
            row.put("q_value", finite(x.qValue()));
            row.put("status", x.status());
            table.add(row);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cohort", c.row().name());
        payload.put("samples", result.samples());
        payload.put("dropped", c.design().dropped());
        payload.put("filter", result.filter().describe());
        payload.put("pseudocount", result.pseudocount());
        payload.put("terms", result.terms());
        payload.put("bias", result.bias());
        payload.put("q", q);
        payload.put("rows", table);
        List<Object> figures = new ArrayList<>();
        for (String term : result.terms()) {
            if (c.covariates().stream().noneMatch(term::startsWith)) { // one volcano per group contrast
                figures.add(AnalysisFigures.volcano(result, term, q));
            }
        }
        payload.put("figures", figures);
        Provenance provenance = Provenance.of("cohort da", r.asOptions(), Map.of("cohort table (SHA-256)", c.row().tableSha256(),
                c.row().metadataFile() + " (SHA-256)", c.row().metadataSha256()), null, "none (no model run)");
        return new JobOutput("cohort-da", title(c), provenance, payload);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String title(StoredCohort c) {
        return "Differential abundance, " + c.row().name() + " (" + c.row().groupColumn() + " vs " + c.design().reference()
                + (c.covariates().isEmpty() ? "" : ", adjusted for " + String.join(", ", c.covariates())) + ")";
    }
}
