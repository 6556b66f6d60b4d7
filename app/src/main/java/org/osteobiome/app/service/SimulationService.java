package org.osteobiome.app.service;

import java.util.List;
import java.util.Map;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/** Runs one simulation request: binds the model, parameters and scenario, solves, and says how it was made. */
public final class SimulationService {
    private SimulationService() {
    }

    /** A finished run: the full trajectory, the selected columns, the model's notes on it and its provenance. */
    public record Run(Model model, ParameterSet parameters, Trajectory full, Trajectory selected, List<String> notes,
                      Provenance provenance) {
        /** A title for the run: the model and the values set explicitly. */
        public String title() {
            Map<String, String> set = parameters.explicitValues();
            return set.isEmpty() ? model.id() : model.id() + "  " + set.toString().replace("{", "(").replace("}", ")");
        }
    }

    public static Run run(SimulationRequest request) {
        Model model = ModelCatalog.get(request.modelId());
        ParameterSet parameters = ModelRuns.parameters(model, request.set(), request.scenario());
        SimulationSettings settings = new SimulationSettings(finite(request.tStart()), finite(request.tEnd()), finite(request.step()),
                null, null, Double.NaN, Double.NaN);
        if (request.solver() != null) {
            settings = settings.withSolver(request.solver());
        }
        if (request.rtol() != null || request.atol() != null) {
            settings = settings.withTolerances(request.rtol() == null ? settings.relativeTolerance() : finite(request.rtol()),
                    request.atol() == null ? settings.absoluteTolerance() : finite(request.atol()));
        }
        Trajectory full = model.simulate(parameters, settings);
        var d = model.solverDefaults();
        String solver = (request.solver() != null ? request.solver() : d.solver()) + ", rtol "
                + org.osteobiome.core.Numbers.format(request.rtol() != null ? request.rtol() : d.relativeTolerance()) + ", atol "
                + org.osteobiome.core.Numbers.format(request.atol() != null ? request.atol() : d.absoluteTolerance());
        Provenance provenance = Provenance.of("simulate", request.options(), Map.of(), null, solver);
        return new Run(model, parameters, full, full.select(request.observables()), model.notes(parameters, full), provenance);
    }

    private static double finite(Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new OsteobiomeException(ErrorCode.INVALID_INPUT, "times, steps and tolerances must be finite numbers, got " + value);
        }
        return value == null ? Double.NaN : value;
    }
}
