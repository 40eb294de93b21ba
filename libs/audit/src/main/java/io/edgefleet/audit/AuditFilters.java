package io.edgefleet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.rest.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a plain token, else a
 * new one, echoed in the answer), remembers where it came from for the audit trail, and records
 * each refusal of a caller (401, 403) as a security event.
 */
public class AuditFilters {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final int MAX_PROBLEM_CHARS = 16 * 1024;
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RequestOrigin origin;
    private final AuditTrail trail;
    private final ObjectMapper json;

    public AuditFilters(RequestOrigin origin, AuditTrail trail, ObjectMapper json) {
        this.origin = origin;
        this.trail = trail;
        this.json = json;
    }

    @ServerRequestFilter(preMatching = true)
    public void capture(ContainerRequestContext request, HttpServerRequest http) {
        String given = request.getHeaderString(REQUEST_ID);
        String id = given != null && PLAIN_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        origin.capture(id, address, request.getMethod(), http.path());
    }

    @ServerResponseFilter
    public void answer(ContainerResponseContext response) {
        if (!origin.captured()) {
            return;
        }
        response.getHeaders().putSingle(REQUEST_ID, origin.requestId());
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            trail.refused(status == 401, code(response.getEntity()));
        }
    }

    /** The refusal's code: ProblemMapper answers with the problem already written as JSON. */
    private String code(Object entity) {
        if (entity instanceof Problem problem) {
            return problem.code();
        }
        if (entity instanceof String body && body.length() <= MAX_PROBLEM_CHARS) {
            try {
                JsonNode code = json.readTree(body).get("code");
                return code != null && code.isTextual() ? code.asText() : null;
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }
}
