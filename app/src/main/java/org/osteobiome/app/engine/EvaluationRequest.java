package org.osteobiome.app.engine;

import java.io.Serializable;
import java.util.List;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.sensitivity.Sensitivity;

/**
 * One observable at one time as a function of some parameters, as it travels to a cluster's workers: every worker
 * rebuilds the same function from it.
 *
 * @param base    the fixed parameters; its model is looked up by id in the {@link ModelCatalog}
 * @param factors the varied parameters, in the order of a point's values
 */
public record EvaluationRequest(ParameterSet base, String observable, double at, List<String> factors) implements Serializable {
    public EvaluationRequest {
        factors = List.copyOf(factors);
    }

    /** The function, with the model looked up in the catalog (as a worker does). */
    public Sensitivity.Output output() {
        return output(ModelCatalog.get(base.modelId()));
    }

    /** The one output time a run needs. */
    public static SimulationSettings settingsAt(double at) {
        return SimulationSettings.DEFAULTS.withOutputTimes(new double[] {at});
    }

    /** The function: {@code model} run with the point's values, its observable read at {@code at}. */
    public Sensitivity.Output output(Model model) {
        SimulationSettings settings = settingsAt(at);
        return x -> {
            ParameterSet p = base;
            for (int i = 0; i < x.length; i++) {
                p = p.with(factors.get(i), x[i]);
            }
            return model.simulate(p, settings).at(at, observable);
        };
    }
}
