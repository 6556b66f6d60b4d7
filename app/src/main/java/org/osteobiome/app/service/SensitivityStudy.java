package org.osteobiome.app.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.engine.EvaluationRequest;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.sensitivity.Factor;
import org.osteobiome.model.sensitivity.Sensitivity;
import org.osteobiome.model.sensitivity.SensitivityResult;

/**
 * A sensitivity study of one observable at one time, as {@code osteobiome sensitivity} and the web's sensitivity job run
 * it: which parameters vary and over what range, then local, Morris or Sobol indices.
 *
 * @param parameters parameters to vary (empty: the calibrated ones that act here, or all real ones if none is calibrated)
 * @param bounds     explicit {@code LOW:HIGH} ranges by parameter (uniform); the others vary over ±{@code range}
 * @param samples    Morris trajectories or Sobol base samples (null: 20 or 256)
 */
public record SensitivityStudy(Model model, ParameterSet base, String output, double at, String method, List<String> parameters,
                               Map<String, String> bounds, double range, Integer samples, int bootstrap, long seed) {
    public SensitivityStudy {
        if (!List.of("local", "morris", "sobol").contains(method)) {
            throw OsteobiomeException.invalid("--method must be local, morris or sobol, got '" + method + "'");
        }
        if (!(range > 0 && range < 1)) {
            throw OsteobiomeException.invalid("--range must lie strictly between 0 and 1, got " + Numbers.format(range));
        }
        if (samples != null && (samples < 2 || samples > 100_000)) {
            throw OsteobiomeException.invalid("--samples must be between 2 and 100000, got " + samples);
        }
        if (bootstrap < 0 || bootstrap > 10_000) {
            throw OsteobiomeException.invalid("--bootstrap must be between 0 and 10000, got " + bootstrap);
        }
        parameters = List.copyOf(parameters);
        bounds = Map.copyOf(bounds);
    }

    public int sampleCount() {
        return samples != null ? samples : method.equals("morris") ? 20 : 256;
    }

    /** Checks the output and time by one run and returns the factors; fails before any sampling. */
    public List<Factor> factors() {
        model.simulate(base, EvaluationRequest.settingsAt(at)).select(List.of(output));
        List<String> ids = new ArrayList<>(parameters);
        java.util.Set<String> inactive = model.inactiveParameters(base);
        for (String id : ids) {
            if (inactive.contains(id)) {
                throw OsteobiomeException.invalid("--parameters " + id + ": " + id + " has no effect in this scenario (it belongs to the other"
                        + " species preset); leave it out");
            }
        }
        if (ids.isEmpty()) {
            List<ParameterSpec> reals = model.parameters().stream()
                    .filter(s -> s.kind() == ParameterSpec.Kind.REAL && !inactive.contains(s.id())).toList();
            List<ParameterSpec> calibrated = reals.stream().filter(s -> s.role() == ParameterSpec.Role.CALIBRATED).toList();
            (calibrated.isEmpty() ? reals.stream().filter(s -> s.role() != ParameterSpec.Role.SETTING).toList() : calibrated)
                    .forEach(s -> ids.add(s.id()));
        }
        for (String id : bounds.keySet()) {
            if (!ids.contains(id)) {
                throw OsteobiomeException.invalid("--bounds " + id + " names a parameter that is not varied; add it to --parameters");
            }
        }
        List<Factor> factors = new ArrayList<>();
        for (String id : ids) {
            ParameterSpec s = model.parameters().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                    OsteobiomeException.invalid("--parameters " + id + ": model " + model.id() + " has no parameter " + id));
            if (s.kind() != ParameterSpec.Kind.REAL) {
                throw OsteobiomeException.invalid("--parameters " + id + ": only real-valued parameters can be varied");
            }
            double v = base.real(id);
            Factor factor;
            if (bounds.containsKey(id)) {
                double[] b = ModelRuns.bounds(id, bounds.get(id));
                factor = new Factor(id, Math.min(b[1], Math.max(b[0], v)), b[0], b[1], false);
            } else {
                factor = Factor.around(id, v, range);
            }
            if (factor.lower() < s.min() || factor.upper() > s.max()) {
                throw OsteobiomeException.invalid("the range of " + id + " [" + Numbers.format(factor.lower()) + ", "
                        + Numbers.format(factor.upper()) + "] leaves its allowed range " + s.rangeText() + "; give --bounds " + id + "=LOW:HIGH");
            }
            factors.add(factor);
        }
        return factors;
    }

    /** Runs the study on {@code threads} workers, reporting model runs done to {@code progress}. */
    public SensitivityResult run(int threads, Progress progress) {
        return run(null, threads, progress);
    }

    /**
     * Runs the study with Morris' or Sobol's model runs handed to {@code evaluator} (a cluster, say; null for local
     * threads). Local sensitivities, 2k + 1 runs, always run here.
     */
    public SensitivityResult run(Sensitivity.Evaluator evaluator, int threads, Progress progress) {
        List<Factor> factors = factors();
        Sensitivity.Output f = request(factors).output(model);
        Sensitivity.Evaluator runs = evaluator != null ? evaluator : Sensitivity.onThreads(f, threads);
        return switch (method) {
            case "local" -> Sensitivity.local(factors, f, threads);
            case "morris" -> Sensitivity.morris(factors, runs, sampleCount(), seed, progress);
            default -> Sensitivity.sobol(factors, runs, sampleCount(), bootstrap, seed, progress);
        };
    }

    /** The function the study's model runs evaluate, as plain data for a cluster's workers. */
    public EvaluationRequest evaluation(List<Factor> factors) {
        if (!ModelCatalog.ids().contains(model.id())) {
            throw OsteobiomeException.invalid("model " + model.id() + " is not one of osteobiome's catalog models, which cluster"
                    + " workers look up by id");
        }
        return request(factors);
    }

    private EvaluationRequest request(List<Factor> factors) {
        return new EvaluationRequest(base, output, at, factors.stream().map(Factor::id).toList());
    }

    /** The columns a bar chart of the result shows. */
    public static List<String> plotted(String method) {
        return switch (method) {
            case "local" -> List.of("normalised");
            case "morris" -> List.of("mu_star", "sigma");
            default -> List.of("S1", "ST");
        };
    }

}
