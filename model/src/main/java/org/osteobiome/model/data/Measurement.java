package org.osteobiome.model.data;

import java.util.Map;

/**
 * One measured value, in the spirit of a PEtab measurement table row.
 *
 * @param observable model observable the value corresponds to
 * @param condition  parameter settings of the experiment (parameter id → value as text)
 * @param time       time in days
 * @param value      the measurement, in the observable's unit
 * @param noiseSd    standard deviation (NaN when not reported)
 * @param source     where the number comes from
 * @param use        what it was used for (fit, validation, …)
 */
public record Measurement(String observable, Map<String, String> condition, double time, double value, double noiseSd,
                          String source, String use) {

    public Measurement {
        condition = Map.copyOf(condition);
    }
}
