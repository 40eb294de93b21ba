package io.edgefleet.telemetry.rest;

import io.edgefleet.rest.problem.ApiException;
import io.edgefleet.rest.problem.CommonErrorCode;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.query.MetricQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/metrics/query?device=ID&metric=NAME&from=&to=&step=1m&agg=avg}: one device's
 * metric over a time range, aggregated per step (avg, min, max, sum, p95, count). Raw samples
 * for now; group/selector scopes and rollups come with the telemetry issue.
 */
@Path("/api/v1/metrics")
public class MetricsQueryResource {

    private static final int MAX_POINTS = 11_000;

    private final MetricQueries queries;
    private final CurrentOrganization org;

    public MetricsQueryResource(MetricQueries queries, CurrentOrganization org) {
        this.queries = queries;
        this.org = org;
    }

    @GET
    @Path("query")
    @RolesAllowed({FleetRoles.ADMIN, FleetRoles.OPERATOR, FleetRoles.VIEWER})
    public Series query(@QueryParam("device") String device, @QueryParam("metric") String metric,
                        @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("step") @DefaultValue("1m") String step, @QueryParam("agg") @DefaultValue("avg") String agg) {
        if (device == null || metric == null) {
            throw invalid("device and metric are required");
        }
        if (!MetricQueries.AGGREGATES.containsKey(agg)) {
            throw invalid("agg must be one of " + MetricQueries.AGGREGATES.keySet());
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        Duration stepLength = step(step);
        if (!end.isAfter(start) || Duration.between(start, end).dividedBy(stepLength) > MAX_POINTS) {
            throw invalid("from must be before to, and the range at most " + MAX_POINTS + " steps");
        }
        return new Series(device, metric, agg, step, queries.series(org.id(), uuid(device), metric, start, end, stepLength, agg));
    }

    /** A series of points. */
    public record Series(String device, String metric, String agg, String step, List<MetricQueries.Point> points) {
    }

    private static Duration step(String value) {
        try {
            Duration step = Duration.parse("PT" + value.toUpperCase());
            if (step.toSeconds() >= 1) {
                return step;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid("step must look like 30s, 1m or 1h");
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(name + " must be an ISO-8601 instant, e.g. 2026-11-29T10:00:00Z");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid("device must be a device id");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(CommonErrorCode.VALIDATION_FAILED, detail);
    }
}
