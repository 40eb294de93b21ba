package io.edgefleet.policy.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.policy.compliance.ComplianceHistory;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Compliance history: every transition of a device or an assignment, the fleet as it stood at a
 * time, and a CSV export. Kept for {@code edgefleet.policy.history-retention} (400 days).
 */
@Tag(name = "Compliance", description = "Each device's compliance with each enforced assignment, with reasons naming the field.")
@Path("/api/v1")
public class ComplianceHistoryResource {

    /** Rows one CSV export holds at most; a larger history is exported in time windows ({@code from}, {@code to}). */
    static final int CSV_ROWS = 50_000;

    private final ComplianceHistory history;
    private final CurrentOrganization org;

    public ComplianceHistoryResource(ComplianceHistory history, CurrentOrganization org) {
        this.history = history;
        this.org = org;
    }

    @Operation(operationId = "listComplianceHistory", summary = "Compliance transitions in time order")
    @GET
    @Path("compliance/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ComplianceHistory.Transition> list(@BeanParam ListQuery query,
                                                  @QueryParam("device") @Parameter(description = "Only this device's transitions") UUID device,
                                                  @QueryParam("assignment") @Parameter(description = "Only this assignment's transitions") UUID assignment,
                                                  @QueryParam("from") @Parameter(description = "From this time (RFC 3339), inclusive",
                                                          schema = @Schema(maxLength = Limits.TIMESTAMP)) String from,
                                                  @QueryParam("to") @Parameter(description = "Up to this time (RFC 3339), exclusive",
                                                          schema = @Schema(maxLength = Limits.TIMESTAMP)) String to) {
        query.refuseLabelSelector("compliance history");
        ComplianceHistory.Filter filter = filter(device, assignment, from, to);
        String[] after = query.cursor().map(c -> c.afterKey().split("\\|", 2)).orElse(null);
        List<ComplianceHistory.Transition> rows = after == null ? history.page(org.id(), filter, null, null, query.limit() + 1)
                : history.page(org.id(), filter, cursorTime(after), cursorId(after), query.limit() + 1);
        return Page.fromOverfetch(rows, query.limit(), t -> t.at() + "|" + t.id(), t -> t);
    }

    @Operation(operationId = "exportComplianceHistory", summary = "Compliance transitions as CSV (at most 50,000 rows; "
            + "EdgeFleet-Truncated: true when more matched: export narrower time windows)")
    @GET
    @Path("compliance/history/export")
    @Produces("text/csv")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<String> csv(@QueryParam("device") UUID device, @QueryParam("assignment") UUID assignment,
                                    @QueryParam("from") @Parameter(schema = @Schema(maxLength = Limits.TIMESTAMP)) String from,
                                    @QueryParam("to") @Parameter(schema = @Schema(maxLength = Limits.TIMESTAMP)) String to) {
        ComplianceHistory.Filter filter = filter(device, assignment, from, to);
        List<ComplianceHistory.Transition> rows = new ArrayList<>();
        List<ComplianceHistory.Transition> page = history.page(org.id(), filter, null, null, 1_000);
        while (!page.isEmpty() && rows.size() <= CSV_ROWS) {
            rows.addAll(page);
            ComplianceHistory.Transition last = page.get(page.size() - 1);
            page = page.size() < 1_000 ? List.of() : history.page(org.id(), filter, last.at(), last.id(), 1_000);
        }
        boolean truncated = rows.size() > CSV_ROWS;
        StringBuilder csv = new StringBuilder("at,deviceId,assignmentId,policyId,previousState,state,reasons\n");
        rows.stream().limit(CSV_ROWS).forEach(t -> csv.append(t.at()).append(',').append(t.deviceId()).append(',')
                .append(t.assignmentId()).append(',').append(t.policyId()).append(',')
                .append(t.previousState() == null ? "" : t.previousState()).append(',').append(t.state()).append(',')
                .append(quoted(t.reasons().stream().map(r -> (r.field() == null ? "" : r.field() + ": ") + r.message())
                        .collect(Collectors.joining("; ")))).append('\n'));
        return RestResponse.ResponseBuilder.ok(csv.toString()).header("EdgeFleet-Truncated", Boolean.toString(truncated)).build();
    }

    @Operation(operationId = "getComplianceAt", summary = "The fleet's compliance as it stood at a time")
    @GET
    @Path("compliance/at")
    @RolesAllowed(FleetRoles.VIEWER)
    public Map<String, Map<String, Long>> at(@QueryParam("time") @Parameter(description = "RFC 3339 time; required",
            schema = @Schema(maxLength = Limits.TIMESTAMP)) String time) {
        Instant at = QueryValues.instant("time", time).orElseThrow(() ->
                new FleetException(CommonErrorCode.VALIDATION_FAILED, "time is required (RFC 3339)"));
        return history.at(org.id(), at);
    }

    private static ComplianceHistory.Filter filter(UUID device, UUID assignment, String from, String to) {
        return new ComplianceHistory.Filter(device, assignment, QueryValues.instant("from", from).orElse(null),
                QueryValues.instant("to", to).orElse(null));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static OffsetDateTime cursorTime(String[] key) {
        try {
            return OffsetDateTime.parse(key[0]);
        } catch (RuntimeException e) {
            throw new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned");
        }
    }

    private static Long cursorId(String[] key) {
        try {
            return Long.parseLong(key[1]);
        } catch (RuntimeException e) {
            throw new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned");
        }
    }
}
