package io.edgefleet.gitops.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.gitops.compliance.ComplianceQueries;
import io.edgefleet.gitops.configuration.Configuration;
import io.edgefleet.gitops.configuration.ConfigurationService;
import io.edgefleet.rest.paging.Cursor;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.core.text.Choices;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One configuration's compliance: its clusters and its transitions. */
@Tag(name = "Configuration compliance", description = "Whether each cluster holds what its configurations ask for.")
@Path("/api/v1/configurations/{id}/compliance")
public class ConfigurationComplianceResource {

    private static final Choices STATES = Choices.of("compliant", "non-compliant", "pending", "suspended", "unknown");

    private final ConfigurationService configurations;
    private final ComplianceQueries compliance;
    private final CurrentOrganization org;

    public ConfigurationComplianceResource(ConfigurationService configurations, ComplianceQueries compliance,
                                           CurrentOrganization org) {
        this.configurations = configurations;
        this.compliance = compliance;
        this.org = org;
    }

    @Operation(operationId = "listConfigurationClusters", summary = "A configuration's clusters with their compliance, in cluster-id order")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ComplianceQueries.ClusterCompliance> clusters(@PathParam("id") UUID id, @BeanParam ListQuery query,
            @QueryParam("state") @Parameter(description = "Only clusters in this state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"compliant", "non-compliant", "pending", "suspended", "unknown"})) String state) {
        query.refuseLabelSelector("configuration compliance");
        Configuration configuration = configurations.get(org.id(), id);
        UUID after = query.cursor().map(ConfigurationComplianceResource::uuidCursor).orElse(null);
        return Page.fromOverfetch(compliance.clusters(org.id(), configuration.id, QueryValues.oneOf("state", state, STATES).orElse(null),
                after, query.limit() + 1), query.limit(), c -> c.clusterId().toString(), c -> c);
    }

    @Operation(operationId = "listConfigurationComplianceHistory", summary = "A configuration's compliance transitions, oldest first")
    @GET
    @Path("history")
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ComplianceQueries.Transition> history(@PathParam("id") UUID id, @BeanParam ListQuery query) {
        query.refuseLabelSelector("configuration compliance history");
        long after = query.cursor().map(ConfigurationComplianceResource::numberCursor).orElse(0L);
        return Page.fromOverfetch(compliance.history(org.id(), id, after, query.limit() + 1), query.limit(),
                t -> Long.toString(t.id()), t -> t);
    }

    private static UUID uuidCursor(Cursor cursor) {
        try {
            return UUID.fromString(cursor.afterKey());
        } catch (IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.INVALID_CURSOR, "the cursor is not one of this list");
        }
    }

    private static long numberCursor(Cursor cursor) {
        try {
            return Long.parseLong(cursor.afterKey());
        } catch (NumberFormatException e) {
            throw new FleetException(CommonErrorCode.INVALID_CURSOR, "the cursor is not one of this list");
        }
    }
}
