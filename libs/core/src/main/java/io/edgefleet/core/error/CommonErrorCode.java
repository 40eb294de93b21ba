package io.edgefleet.core.error;

/** Error codes every service shares: protocol, auth, paging and selector errors. */
public enum CommonErrorCode implements ErrorCode {

    MALFORMED_REQUEST(400, "Malformed request"),
    INVALID_PATH(400, "Ambiguous request path"),
    VALIDATION_FAILED(400, "Request failed validation"),
    INVALID_LABEL_SELECTOR(400, "Invalid label selector"),
    INVALID_CURSOR(400, "Invalid pagination cursor"),
    INVALID_LIMIT(400, "Invalid page limit"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NO_ORGANIZATION(403, "Token carries no organization"),
    NOT_FOUND(404, "Resource not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    REPLAY_FAILED(409, "The replayed record failed again"),
    PRECONDITION_FAILED(412, "If-Match does not match the current version"),
    BODY_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "Request URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Request violates a rule"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL(500, "Internal error"),
    UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    CommonErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }

    /** The generic code for an HTTP status raised by the framework itself. */
    public static CommonErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
