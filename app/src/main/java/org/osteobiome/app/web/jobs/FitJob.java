package org.osteobiome.app.web.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.report.AnalysisFigures;
import org.osteobiome.app.service.FitStudy;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.data.MeasurementTable;
import org.osteobiome.model.fit.FitParameter;
import org.osteobiome.model.fit.FitResult;
import org.osteobiome.model.fit.Fitter;

/** A parameter fit ({@code osteobiome fit}) to one of the shipped measurement tables. */
public final class FitJob implements JobKind {
    @Override
    public String id() {
        return "fit";
    }

    @Override
    public String label() {
        return "Fit";
    }

    @Override
    public String check(JobRequest r, Store.Project project, Store store) {
        Setup s = setup(r, org.osteobiome.core.Progress.NONE, 1);
        return title(s);
    }

    @Override
    public JobOutput run(JobRequest r, JobContext context) {
        Setup s = setup(r, context.progress(), context.threads());
        context.phase("fitting from " + s.options.multistart() + " starts, then " + s.options.intervals() + " intervals");
        FitResult result = Fitter.fit(s.model.model(), s.model.base(), s.rows, s.parameters, s.options);
        context.checkCancelled();
        Map<String, Object> payload = new LinkedHashMap<>();
        List<Map<String, Object>> estimates = new ArrayList<>();
        for (int j = 0; j < result.parameters().size(); j++) {
            FitParameter p = result.parameters().get(j);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", p.id());
            e.put("estimate", result.estimates()[j]);
            e.put("lower", Double.isNaN(result.lower()[j]) ? null : result.lower()[j]);
            e.put("upper", Double.isNaN(result.upper()[j]) ? null : result.upper()[j]);
            e.put("search_low", p.lower());
            e.put("search_high", p.upper());
            e.put("at_bound", atBound(result.estimates()[j], p));
            estimates.add(e);
        }
        payload.put("estimates", estimates);
        payload.put("intervals", result.intervalMethod());
        payload.put("weighted", result.weighted());
        payload.put("objective", result.objective());
        payload.put("measurements", s.rows.size());
        payload.put("evaluations", result.evaluations());
        List<Map<String, Object>> residuals = new ArrayList<>();
        for (DataComparison.Pair pair : result.pairs()) {
            Measurement m = pair.measurement();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("observable", m.observable());
            row.put("condition", FitStudy.condition(m.condition()));
            row.put("time", m.time());
            row.put("measured", m.value());
            row.put("fitted", pair.predicted());
            row.put("z", Double.isNaN(pair.zScore()) ? null : pair.zScore());
            residuals.add(row);
        }
        payload.put("residuals", residuals);
        payload.put("figures", List.of(AnalysisFigures.fit(s.model.model(), s.model.base(), result)));
        Provenance provenance = Provenance.of("fit", r.asOptions(), Map.of("data", s.data + " (shipped)"), s.options.seed(),
                s.model.model().solverDefaults().solver() + " (model defaults)");
        return new JobOutput("fit", title(s), provenance, payload);
    }

    private record Setup(ModelChoice model, String data, List<Measurement> rows, List<FitParameter> parameters, Fitter.Options options) {
    }

    private static Setup setup(JobRequest r, org.osteobiome.core.Progress progress, int threads) {
        ModelChoice m = ModelChoice.of(r);
        String data = r.required("data", "a shipped measurement table (" + String.join(", ", MeasurementTable.SHIPPED) + ")");
        if (!MeasurementTable.SHIPPED.contains(data)) {
            throw OsteobiomeException.invalid("field 'data': choose one of " + String.join(", ", MeasurementTable.SHIPPED));
        }
        MeasurementTable table = ModelRuns.measurements(data);
        String use = r.text("use", null);
        List<Measurement> rows = use == null ? table.measurements() : table.where(x -> x.use().equals(use));
        if (rows.isEmpty()) {
            throw OsteobiomeException.invalid(data + ": no rows" + (use == null ? "" : " with use = " + use));
        }
        List<String> ids = r.list("fit");
        if (ids.isEmpty()) {
            throw OsteobiomeException.invalid("field 'fit': name the parameters to estimate, e.g. e_PC,e_Sc");
        }
        Map<String, String> bounds = r.assignments("bounds");
        for (String id : bounds.keySet()) {
            if (!ids.contains(id)) {
                throw OsteobiomeException.invalid("field 'bounds': " + id + " is not one of the fitted parameters");
            }
        }
        List<FitParameter> parameters = new ArrayList<>();
        for (String id : ids) {
            parameters.add(FitStudy.parameter(m.model(), m.base(), id, bounds.get(id)));
        }
        Fitter.Options options = new Fitter.Options(r.integer("multistart", 4, 1, 64), r.seed("seed", 1), r.text("intervals", "profile"),
                r.integer("bootstrap", 100, 2, 1000), r.flag("cmaes"), threads, progress);
        return new Setup(m, data, rows, parameters, options);
    }

    private static boolean atBound(double v, FitParameter p) {
        double span = p.upper() - p.lower();
        return Math.abs(v - p.lower()) <= 1e-6 * span || Math.abs(v - p.upper()) <= 1e-6 * span;
    }

    private static String title(Setup s) {
        return "Fit of " + String.join(", ", s.parameters.stream().map(FitParameter::id).toList()) + " to " + s.data + ", " + s.model.describe();
    }
}
