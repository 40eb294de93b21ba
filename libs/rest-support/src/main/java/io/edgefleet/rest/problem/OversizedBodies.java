package io.edgefleet.rest.problem;

import io.edgefleet.core.error.CommonErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, as problem+json like every other 4xx; the HTTP layer would answer a bare 413. (A chunked
 * body without a length that grows past the limit still gets the HTTP layer's 413.)
 */
@ApplicationScoped
public class OversizedBodies {

    private static final long DEFAULT_LIMIT = 10_240 * 1024L;

    private final RouteProblems problems;
    private final long limit;

    public OversizedBodies(RouteProblems problems,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.problems = problems;
        this.limit = limit.map(MemorySize::asLongValue).orElse(DEFAULT_LIMIT);
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || declared(length) <= limit) {
            context.next();
            return;
        }
        problems.respond(context, CommonErrorCode.BODY_TOO_LARGE, "the body is " + declared(length)
                + " bytes; the limit is " + limit, true);
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
