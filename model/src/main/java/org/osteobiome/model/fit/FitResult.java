package org.osteobiome.model.fit;

import java.util.List;
import org.osteobiome.model.data.DataComparison;

/**
 * The outcome of a fit.
 *
 * @param parameters   the fitted parameters, in order
 * @param estimates    best values, in order
 * @param lower        lower 95 % confidence limits (NaN when not computed; the bound when it is reached)
 * @param upper        upper 95 % confidence limits
 * @param intervalMethod how the limits were obtained ("profile likelihood", "parametric bootstrap", "none")
 * @param objective    Σ((predicted − measured)/σ)² at the estimates
 * @param weighted     true when every measurement had an SD (objective is χ²); otherwise σ = 1 was used
 * @param starts       objectives reached from each start, best first
 * @param evaluations  model evaluations used
 * @param pairs        measurements with the fitted model's predictions
 */
public record FitResult(List<FitParameter> parameters, double[] estimates, double[] lower, double[] upper, String intervalMethod,
                        double objective, boolean weighted, double[] starts, long evaluations, List<DataComparison.Pair> pairs) {
}
