package org.osteobiome.model.sensitivity;

import java.util.List;

/**
 * Sensitivity indices, one row per factor.
 *
 * @param method  "local", "morris" or "sobol"
 * @param factors the factors, in order
 * @param columns index names (e.g. "normalised", or "mu_star", "sigma", or "S1", "S1_low", …)
 * @param values  {@code values[factor][column]}
 * @param evaluations model evaluations used
 */
public record SensitivityResult(String method, List<Factor> factors, List<String> columns, double[][] values, long evaluations) {

    public double value(String factor, String column) {
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i).id().equals(factor)) {
                return values[i][columns.indexOf(column)];
            }
        }
        throw new IllegalArgumentException(factor);
    }
}
