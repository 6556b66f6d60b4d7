package org.osteobiome.model.fit;

import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;

/**
 * A parameter to estimate, with its bounds. Positive bounds are searched on a log scale (the natural scale of
 * rates and gains); bounds that include zero or negatives on a linear scale.
 */
public record FitParameter(String id, double lower, double upper) {

    public FitParameter {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw OsteobiomeException.invalid("bounds of " + id + " must be finite with lower < upper, got [" + Numbers.format(lower)
                    + ", " + Numbers.format(upper) + "]");
        }
    }

    public boolean logScale() {
        return lower > 0;
    }

    /** Value → search coordinate. */
    double toSearch(double value) {
        return logScale() ? Math.log(value) : value;
    }

    /** Search coordinate → value, clamped to the bounds. */
    double fromSearch(double x) {
        double v = logScale() ? Math.exp(x) : x;
        return Math.min(upper, Math.max(lower, v));
    }

    double searchLower() {
        return toSearch(lower);
    }

    double searchUpper() {
        return toSearch(upper);
    }
}
