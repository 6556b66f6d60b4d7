package org.osteobiome.core;

/**
 * The one error type of osteobiome. The message is meant for a person: it names the input,
 * the place (file, line, parameter, time) and, where possible, what would fix it.
 */
public class OsteobiomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public OsteobiomeException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OsteobiomeException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static OsteobiomeException invalid(String message) {
        return new OsteobiomeException(ErrorCode.INVALID_INPUT, message);
    }

    public static OsteobiomeException unknown(String message) {
        return new OsteobiomeException(ErrorCode.UNKNOWN_NAME, message);
    }
}
