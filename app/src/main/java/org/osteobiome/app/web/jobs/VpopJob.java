package org.osteobiome.app.web.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.report.AnalysisFigures;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.Observable;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/** A virtual population ({@code osteobiome vpop}): quantile bands of each kept observable over time. */
public final class VpopJob implements JobKind {
    public static final int MAX_SUBJECTS = 20_000;

    @Override
    public String id() {
        return "vpop";
    }

    @Override
    public String label() {
        return "Virtual population";
    }

    @Override
    public String check(JobRequest r, Store.Project project, Store store) {
        ModelChoice m = ModelChoice.of(r);
        int n = r.integer("n", 200, 1, MAX_SUBJECTS);
        variability(r, m.model());
        settings(r);
        List<String> observables = r.list("observables");
        for (String o : observables) {
            if (m.model().observables().stream().noneMatch(x -> x.id().equals(o))) {
                throw OsteobiomeException.invalid("field 'observables': model " + m.model().id() + " has no observable " + o);
            }
        }
        r.seed("seed", 1);
        return "Virtual population: " + n + " subjects, " + m.describe();
    }

    @Override
    public JobOutput run(JobRequest r, JobContext context) {
        ModelChoice m = ModelChoice.of(r);
        int n = r.integer("n", 200, 1, MAX_SUBJECTS);
        Variability v = variability(r, m.model());
        long seed = r.seed("seed", 1);
        context.phase("simulating " + n + " subjects");
        VirtualPopulation.Result result = VirtualPopulation.run(m.model(), m.base(), settings(r), v, r.list("observables"), n, seed,
                context.threads(), context.progress());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("time_label", result.display().label());
        payload.put("subjects", n);
        payload.put("failed", result.failures().size());
        payload.put("first_failure", result.failures().isEmpty() ? null : result.failures().get(0));
        List<Map<String, Object>> last = new ArrayList<>();
        int end = result.time().length - 1;
        for (int c = 0; c < result.observables().size(); c++) {
            String id = result.observables().get(c);
            Observable o = m.model().observables().stream().filter(x -> x.id().equals(id)).findFirst().orElse(new Observable(id, "", ""));
            last.add(Map.of("id", id, "unit", o.unit(), "description", o.description(), "quantiles", result.quantiles()[c][end]));
        }
        payload.put("final", last);
        payload.put("final_day", result.time()[end]);
        payload.put("figures", List.of(AnalysisFigures.vpop(m.model(), result.summary())));
        Provenance provenance = Provenance.of("vpop", r.asOptions(), Map.of("variability", r.text("variability", "human-variability.tsv") + " (shipped)"), seed,
                m.model().solverDefaults().solver() + " (model defaults)");
        return new JobOutput("vpop", "Virtual population: " + n + " subjects, " + m.describe(), provenance, payload);
    }

    private static Variability variability(JobRequest r, Model model) {
        String name = r.text("variability", "human-variability.tsv");
        if (!Variability.SHIPPED.contains(name)) {
            throw OsteobiomeException.invalid("field 'variability': choose one of " + String.join(", ", Variability.SHIPPED));
        }
        return ModelRuns.variability(model, name);
    }

    private static SimulationSettings settings(JobRequest r) {
        SimulationSettings s = SimulationSettings.DEFAULTS;
        Double end = r.optionalNumber("t_end", 1e-9, 365.25 * 60);
        Double step = r.optionalNumber("step", 1e-6, 365.25 * 60);
        if (end != null) {
            s = s.withEndTime(end);
        }
        if (step != null) {
            s = s.withStep(step);
        }
        return s;
    }
}
