package org.osteobiome.model.ode;

import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

/** A solve that could not be completed, with the model time at which it stopped. */
public class SolverException extends OsteobiomeException {
    private static final long serialVersionUID = 1L;

    private final double time;
    private final String reason;

    public SolverException(ErrorCode code, double time, String reason) {
        super(code, reason + " (at t = " + org.osteobiome.core.Numbers.format(time) + " d)");
        this.time = time;
        this.reason = reason;
    }

    /** The same failure with its time moved by {@code offset}, for models that restart their clock (cycles). */
    public SolverException shifted(double offset) {
        SolverException moved = new SolverException(code(), time + offset, reason);
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** What went wrong, without the time. */
    public String reason() {
        return reason;
    }

    /** Model time at which the failure happened. */
    public double time() {
        return time;
    }
}
