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

    /** A file that could not be read, with the reason in words ("no such file", not the bare path Java reports). */
    public static OsteobiomeException cannotRead(Object file, java.io.IOException e) {
        String reason;
        if (e instanceof java.nio.file.NoSuchFileException) {
            reason = "no such file; check the path";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.charset.CharacterCodingException) {
            reason = "not UTF-8 text";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot read " + file + ": " + reason, e);
    }
}
