package org.osteobiome.core;

/**
 * What went wrong, in categories that callers map to their own channel: a CLI exit code,
 * an HTTP status. Every {@link OsteobiomeException} carries one.
 */
public enum ErrorCode {
    /** A name (model, parameter, observable, solver, format) that does not exist. */
    UNKNOWN_NAME(2, 404),
    /** A value that is malformed, out of range or inconsistent with other values. */
    INVALID_INPUT(2, 400),
    /** A file that cannot be read or written. */
    IO_FAILURE(4, 500),
    /** The numerical method failed (step size underflow, too many steps, singular matrix, non-finite values). */
    SOLVER_FAILURE(3, 422),
    /** The model left the domain in which its equations are defined (e.g. a pole). */
    DOMAIN_ERROR(3, 422),
    /** Valid input that uses a feature osteobiome does not implement (e.g. an SBML algebraic rule). */
    UNSUPPORTED(5, 422),
    /** A bug: something that should never happen. */
    INTERNAL(1, 500);

    private final int exitCode;
    private final int httpStatus;

    ErrorCode(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    /** Process exit code used by the command line. */
    public int exitCode() {
        return exitCode;
    }

    /** HTTP status used by the web application. */
    public int httpStatus() {
        return httpStatus;
    }
}
