package io.edgefleet.telemetry.rest;

import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.telemetry.config.Durations;
import io.edgefleet.telemetry.query.FleetOverview;
import io.edgefleet.telemetry.query.MetricQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Read side of telemetry: {@code query} aggregates a metric of one device, a group or a label
 * selector per step (avg, min, max, sum, p95, count); {@code latest} is a device's newest values;
 * {@code overview} counts reporting devices and lists the busiest.
 */
@Tag(name = "Metrics", description = "Queries over stored metrics.")
@Path("/api/v1/metrics")
public class MetricsQueryResource {

    private static final int MAX_POINTS = 11_000;

    private static final int MAX_TOP = 100;

    private final MetricQueries queries;
    private final DeviceScopes scopes;
    private final FleetOverview overview;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public MetricsQueryResource(MetricQueries queries, DeviceScopes scopes, FleetOverview overview, CurrentOrganization org,
                                CallerScope caller) {
        this.caller = caller;
        this.queries = queries;
        this.scopes = scopes;
        this.overview = overview;
        this.org = org;
    }

    @Operation(operationId = "queryMetrics",
            summary = "Query a metric over time for a device, a group or a label selector")
    @GET
    @Path("query")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    @Transactional
    public Series query(@QueryParam("device") String device, @QueryParam("group") String group,
                        @QueryParam("labelSelector") String labelSelector, @QueryParam("metric") String metric,
                        @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("step") @DefaultValue("1m") String step, @QueryParam("agg") @DefaultValue("avg") String agg) {
        if (metric == null || metric.isBlank()) {
            throw invalid("metric is required");
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
        DeviceScopes.Scope scope = scopes.resolve(org.id(), device, group, labelSelector).and(caller.visible());
        return new Series(metric, agg, step, queries.series(org.id(), scope, metric, start, end, stepLength, agg));
    }

    /** A series of points. */
    public record Series(String metric, String agg, String step, List<MetricQueries.Point> points) {
    }

    @Operation(operationId = "getLatestMetrics", summary = "Get a device's latest value of each metric")
    @GET
    @Path("latest")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    @Transactional
    public Latest latest(@QueryParam("device") String device, @QueryParam("metric") String metric) {
        if (device == null) {
            throw invalid("device is required");
        }
        caller.require(uuid(device), AccessLevel.VIEWER, CommonErrorCode.NOT_FOUND);
        return new Latest(device, queries.latest(org.id(), uuid(device), metric));
    }

    /** A device's newest value of each series. */
    public record Latest(String device, List<MetricQueries.Latest> values) {
    }

    @Operation(operationId = "getFleetOverview", summary = "Get the fleet's reporting devices and the busiest ones")
    @GET
    @Path("overview")
    @RolesAllowed(FleetRoles.VIEWER)
    @DeviceScoped
    @Transactional
    public FleetOverview.Overview overview(@QueryParam("group") String group, @QueryParam("labelSelector") String labelSelector,
                                           @QueryParam("top") @DefaultValue("10") int top) {
        if (top < 1 || top > MAX_TOP) {
            throw invalid("top must be between 1 and " + MAX_TOP);
        }
        return overview.overview(org.id(), scopes.resolveOrAll(org.id(), null, group, labelSelector).and(caller.visible()), top);
    }

    private static Duration step(String value) {
        Duration step = Durations.parse("step", value);
        if (step.toSeconds() < 1) {
            throw invalid("step must be at least 1s");
        }
        return step;
    }

    /** Required here: a query names its range. */
    private static Instant instant(String name, String value) {
        return QueryValues.instant(name, value).orElseThrow(() -> invalid(name + " is required"));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid("device must be a device id");
        }
    }

    private static FleetException invalid(String detail) {
        return new FleetException(CommonErrorCode.VALIDATION_FAILED, detail);
    }
}
