package org.osteobiome.model.ode;

import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

/** A solve that could not be completed, with the model time at which it stopped. */
public class SolverException extends OsteobiomeException {
    private static final long serialVersionUID = 1L;

    private final double time;

    public SolverException(ErrorCode code, double time, String cause) {
        super(code, cause + " (at t = " + org.osteobiome.core.Numbers.format(time) + ")");
        this.time = time;
    }

    /** Model time at which the failure happened. */
    public double time() {
        return time;
    }
}
