package org.osteobiome.app.web.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.service.SensitivityStudy;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.model.sensitivity.Factor;
import org.osteobiome.model.sensitivity.SensitivityResult;

/** A sensitivity study ({@code osteobiome sensitivity}): local, Morris or Sobol indices of one observable at one time. */
public final class SensitivityJob implements JobKind {
    @Override
    public String id() {
        return "sensitivity";
    }

    @Override
    public String label() {
        return "Sensitivity";
    }

    @Override
    public String check(JobRequest r, Store.Project project, Store store) {
        SensitivityStudy s = study(r);
        s.factors();
        return title(s);
    }

    @Override
    public JobOutput run(JobRequest r, JobContext context) {
        SensitivityStudy s = study(r);
        context.phase(s.method() + " sampling");
        SensitivityResult result = s.run(context.threads(), context.progress());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("method", result.method());
        payload.put("output", s.output());
        payload.put("at", s.at());
        payload.put("columns", result.columns());
        payload.put("plotted", SensitivityStudy.plotted(result.method()));
        payload.put("evaluations", result.evaluations());
        List<Map<String, Object>> factors = new ArrayList<>();
        for (int i = 0; i < result.factors().size(); i++) {
            Factor f = result.factors().get(i);
            List<Double> values = new ArrayList<>();
            for (double v : result.values()[i]) {
                values.add(Double.isFinite(v) ? v : null);
            }
            factors.add(Map.of("id", f.id(), "low", f.lower(), "high", f.upper(), "values", values));
        }
        payload.put("factors", factors);
        Provenance provenance = Provenance.of("sensitivity", r.asOptions(), Map.of(), s.method().equals("local") ? null : s.seed(),
                s.model().solverDefaults().solver() + " (model defaults)");
        return new JobOutput("sensitivity", title(s), provenance, payload);
    }

    private static SensitivityStudy study(JobRequest r) {
        ModelChoice m = ModelChoice.of(r);
        return new SensitivityStudy(m.model(), m.base(), r.required("output", "the observable to analyse, e.g. bv_tv_pct"),
                r.number("at", 28, 0, 365.25 * 60), r.text("method", "local"), r.list("parameters"), r.assignments("bounds"),
                r.number("range", 0.2, 1e-6, 0.999), r.optionalInteger("samples", 2, 4096), r.integer("bootstrap", 200, 0, 2000),
                r.seed("seed", 1));
    }

    private static String title(SensitivityStudy s) {
        return "Sensitivity (" + s.method() + ") of " + s.output() + " at day " + org.osteobiome.core.Numbers.format(s.at()) + ", "
                + s.model().id();
    }
}
