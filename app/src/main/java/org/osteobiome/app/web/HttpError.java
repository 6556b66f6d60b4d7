package org.osteobiome.app.web;

/** A request refused with a status and a message for the person or script that sent it. */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError notFound(String what) {
        return new HttpError(404, what + " not found (or not shared with your teams)");
    }

    public static HttpError forbidden(String why) {
        return new HttpError(403, why);
    }

    public static HttpError badRequest(String why) {
        return new HttpError(400, why);
    }
}
