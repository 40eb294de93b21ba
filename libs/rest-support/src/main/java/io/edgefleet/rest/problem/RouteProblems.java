package io.edgefleet.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.ErrorCode;
import io.edgefleet.core.text.Excerpt;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Answers with problem+json from the HTTP layer, before JAX-RS sees the request (refused paths,
 * oversized bodies), so those refusals look like every other 4xx.
 */
@ApplicationScoped
public class RouteProblems {

    private final ObjectMapper json;

    public RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    /** Ends {@code context} with {@code code}'s status and a problem body; closes the connection if asked. */
    public void respond(RoutingContext context, ErrorCode code, String detail, boolean close) {
        Problem problem = Problem.of(code, detail, safePath(context), List.of());
        var response = context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body(problem));
    }

    /** The path as received, bounded: problem bodies never echo more than a line of what a client sent. */
    private static String safePath(RoutingContext context) {
        return Excerpt.of(context.request().path(), 200);
    }

    private String body(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
