package io.edgefleet.inventory.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.text.Choices;
import io.edgefleet.inventory.repository.AuditRepository.After;
import io.edgefleet.inventory.repository.AuditRepository.AuditFilter;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.QueryValues;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Audit query filters besides paging; every given filter must match. */
public class AuditQuery extends ListQuery {

    private static final Choices OUTCOMES = Choices.of("succeeded", "denied");

    @QueryParam("actor")
    @Parameter(description = "Who acted: a user's subject, a device id or a service name.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String actor;

    @QueryParam("action")
    @Parameter(description = "The action exactly, e.g. `inventory.device.updated` or `security.access-denied`.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String action;

    @QueryParam("resourceType")
    @Parameter(description = "The kind of resource, e.g. `device`, `group`, `enrollment-token`.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String resourceType;

    @QueryParam("resourceId")
    @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String resourceId;

    @QueryParam("outcome")
    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"succeeded", "denied"}))
    String outcome;

    @QueryParam("requestId")
    @Parameter(description = "The `X-Request-Id` of the request that acted.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String requestId;

    @QueryParam("since")
    @Parameter(description = "Entries at or after this instant.", schema = @Schema(type = SchemaType.STRING,
            format = "date-time", maxLength = Limits.TIMESTAMP))
    String since;

    @QueryParam("until")
    @Parameter(description = "Entries before this instant.", schema = @Schema(type = SchemaType.STRING,
            format = "date-time", maxLength = Limits.TIMESTAMP))
    String until;

    AuditFilter filter() {
        refuseLabelSelector("audit entries");
        return new AuditFilter(QueryValues.text("actor", actor), QueryValues.text("action", action),
                QueryValues.text("resourceType", resourceType), QueryValues.text("resourceId", resourceId),
                QueryValues.oneOf("outcome", outcome, OUTCOMES), QueryValues.text("requestId", requestId),
                QueryValues.instant("since", since), QueryValues.instant("until", until));
    }

    /** The cursor names the last entry seen: its time and id. */
    Optional<After> after() {
        return cursor().map(c -> {
            String[] parts = c.afterKey().split("\\|", 2);
            try {
                return new After(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "cursor is not one this list handed out");
            }
        });
    }

    static String key(Instant at, UUID id) {
        return at + "|" + id;
    }
}
