package org.osteobiome.model.sensitivity;

import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;

/** An uncertain input of a sensitivity analysis and its range (sampled uniformly, or log-uniformly when positive and {@code log}). */
public record Factor(String id, double nominal, double lower, double upper, boolean log) {

    public Factor {
        if (!(lower < upper) || !(nominal >= lower && nominal <= upper)) {
            throw OsteobiomeException.invalid("factor " + id + ": need lower < upper and the nominal value " + Numbers.format(nominal)
                    + " within [" + Numbers.format(lower) + ", " + Numbers.format(upper) + "]");
        }
        if (log && !(lower > 0)) {
            throw OsteobiomeException.invalid("factor " + id + ": a log-uniform range needs a positive lower bound");
        }
    }

    /** A range of ±fraction around a positive nominal value, log-uniform. */
    public static Factor around(String id, double nominal, double fraction) {
        if (nominal == 0) {
            return new Factor(id, 0, -fraction, fraction, false);
        }
        double a = nominal * (1 - fraction);
        double b = nominal * (1 + fraction);
        return new Factor(id, nominal, Math.min(a, b), Math.max(a, b), nominal > 0 && fraction < 1);
    }

    /** The value at a unit-interval coordinate u ∈ [0, 1]. */
    public double at(double u) {
        return log ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower))) : lower + u * (upper - lower);
    }
}
