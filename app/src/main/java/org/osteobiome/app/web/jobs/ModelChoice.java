package org.osteobiome.app.web.jobs;

import java.util.Map;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.scenario.ScenarioFiles;

/**
 * The model, built-in scenario and parameter values a model job names (fields {@code model}, {@code scenario},
 * {@code set}). The server offers only built-in scenarios and shipped tables: a name is never read as a path on it.
 */
record ModelChoice(Model model, String scenario, Map<String, String> set, ParameterSet base) {
    static ModelChoice of(JobRequest r) {
        Model model = ModelCatalog.get(r.text("model", "gut-bone-axis"));
        String scenario = r.text("scenario", null);
        boolean hasScenario = model.parameters().stream().anyMatch(s -> s.id().equals("scenario"));
        if (scenario != null && !hasScenario) {
            throw OsteobiomeException.invalid("field 'scenario': model " + model.id() + " has no scenarios");
        }
        if (scenario != null && !ScenarioFiles.BUILT_IN.contains(scenario)) {
            throw OsteobiomeException.invalid("field 'scenario': unknown scenario '" + scenario + "'; built-in scenarios: "
                    + String.join(", ", ScenarioFiles.BUILT_IN));
        }
        Map<String, String> set = r.assignments("set");
        if (set.containsKey("scenario")) {
            throw OsteobiomeException.invalid("field 'set': choose the scenario with the scenario field");
        }
        return new ModelChoice(model, scenario, set, ModelRuns.parameters(model, set, scenario));
    }

    /** "gut-bone-axis, ovx-la" for titles. */
    String describe() {
        return model.id() + (scenario == null ? "" : ", " + scenario) + (set.isEmpty() ? "" : ", " + set.size() + " values set");
    }
}
