package io.edgefleet.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.ErrorCode;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.error.RetryLater;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become {@code application/problem+json} responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response apiError(FleetException e, UriInfo uri) {
        Response problem = respond(e.errorCode(), e.getMessage(), uri, e.fieldErrors());
        return e instanceof RetryLater later
                ? Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, later.retryAfterSeconds()).build()
                : problem;
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        JsonFailures.Described described = JsonFailures.describe(e);
        return respond(CommonErrorCode.MALFORMED_REQUEST, described.detail(), uri, described.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream().map(ProblemMapper::fieldError).toList();
        return respond(CommonErrorCode.VALIDATION_FAILED, "request failed validation", uri, errors);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // A mechanism that knows why (a revoked device, an expired token) says so in its cause.
        Response problem = e.getCause() instanceof FleetException refusal
                ? apiError(refusal, uri)
                : respond(CommonErrorCode.UNAUTHENTICATED, "a valid bearer token is required", uri, List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(CommonErrorCode.FORBIDDEN, "your roles do not allow this operation", uri, List.of());
    }

    /** Two writers raced on the same version of a resource: the loser is told to re-read. */
    @ServerExceptionMapper
    public Response lostUpdate(OptimisticLockException e, UriInfo uri) {
        return respond(CommonErrorCode.CONFLICT, "the resource was changed concurrently; read it again and retry", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException cause) {
            return unreadableBody(cause, uri);
        }
        if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
            // JAX-RS answers 404 when a query parameter does not convert (waitSeconds=soon): it is a bad request.
            return respond(CommonErrorCode.MALFORMED_REQUEST, "a query or path parameter has the wrong type", uri, List.of());
        }
        return respond(CommonErrorCode.forStatus(status), CommonErrorCode.forStatus(status).title(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return respond(CommonErrorCode.INTERNAL, "unexpected error, incident " + incident, uri, List.of());
    }

    private Response respond(ErrorCode code, String detail, UriInfo uri, List<FieldError> errors) {
        Problem problem = Problem.of(code, detail, uri == null ? null : uri.getPath(), errors);
        try {
            return Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Strip the "method.argN." prefix that method validation adds; clients know field names.
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return new FieldError(field, violation.getMessage());
    }
}
