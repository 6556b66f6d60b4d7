package org.osteobiome.app.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to simulate: a model, parameter values by id (as text, as {@code --set} takes them), an optional scenario,
 * the output grid (null for the model's) and the observables to keep (empty for all). The CLI's {@code simulate}
 * and the web application's simulate page and API both send one of these.
 */
public record SimulationRequest(String modelId, Map<String, String> set, String scenario, Double tStart, Double tEnd, Double step,
                                List<String> observables, String solver, Double rtol, Double atol) {
    public SimulationRequest {
        set = new LinkedHashMap<>(set == null ? Map.of() : set);
        observables = observables == null ? List.of() : List.copyOf(observables);
    }

    /** The request's options as they would be written on the command line, for provenance. */
    public Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("model", modelId);
        if (scenario != null) {
            out.put("scenario", scenario);
        }
        set.forEach((k, v) -> out.put("set " + k, v));
        put(out, "t-start", tStart);
        put(out, "t-end", tEnd);
        put(out, "step", step);
        if (!observables.isEmpty()) {
            out.put("observables", String.join(",", observables));
        }
        if (solver != null) {
            out.put("solver", solver);
        }
        put(out, "rtol", rtol);
        put(out, "atol", atol);
        return out;
    }

    private static void put(Map<String, String> out, String key, Double value) {
        if (value != null) {
            out.put(key, org.osteobiome.core.Numbers.format(value));
        }
    }
}
