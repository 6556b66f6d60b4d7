package org.osteobiome.model.ode;

import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;

/** A solve that could not be completed, with the model time at which it stopped. */
public class SolverException extends OsteobiomeException {
    private static final long serialVersionUID = 1L;

    private final double time;
    private final String reason;
    private final String timeUnit;

    /** A failure at {@code time} in days, the time unit of every built-in model. */
    public SolverException(ErrorCode code, double time, String reason) {
        this(code, time, reason, "d");
    }

    /** A failure at {@code time} in {@code timeUnit}; an empty unit prints the time alone. */
    public SolverException(ErrorCode code, double time, String reason, String timeUnit) {
        super(code, reason + " (at t = " + Numbers.format(time) + (timeUnit.isEmpty() ? "" : " " + timeUnit) + ")");
        this.time = time;
        this.reason = reason;
        this.timeUnit = timeUnit;
    }

    /** The same failure with its time moved by {@code offset}, for models that restart their clock (cycles). */
    public SolverException shifted(double offset) {
        return copy(time + offset, timeUnit);
    }

    /** The same failure with its time in {@code unit} (a model whose clock is not in days); empty when unknown. */
    public SolverException inUnit(String unit) {
        return copy(time, unit);
    }

    private SolverException copy(double newTime, String unit) {
        SolverException moved = new SolverException(code(), newTime, reason, unit);
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
