package io.edgefleet.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current HTTP request came from, captured by {@link AuditFilters} before routing. A
 * request context without it (a Kafka record, a scheduled job) is the service acting itself.
 */
@RequestScoped
public class RequestOrigin {

    private String requestId;
    private String sourceAddress;
    private String method;
    private String path;

    void capture(String requestId, String sourceAddress, String method, String path) {
        this.requestId = requestId;
        this.sourceAddress = sourceAddress;
        this.method = method;
        this.path = path;
    }

    /** Where a request came from, copied out of the request scope. */
    public record Origin(String requestId, String sourceAddress, String method, String path) {
    }

    Origin copy() {
        return new Origin(requestId, sourceAddress, method, path);
    }

    public boolean captured() {
        return requestId != null;
    }

    /** The caller's {@code X-Request-Id} when it was a plain token, else one made for the request. */
    public String requestId() {
        return requestId;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
