package io.edgefleet.gitops.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.gitops.compliance.ComplianceQueries;
import io.edgefleet.gitops.configuration.ConfigurationService;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fleet's GitOps compliance: clusters per state, per configuration and in all, optionally of one group. */
@Tag(name = "Configuration compliance", description = "Whether each cluster holds what its configurations ask for.")
@Path("/api/v1/configuration-compliance")
public class ComplianceSummaryResource {

    private final ConfigurationService configurations;
    private final ComplianceQueries compliance;
    private final DeviceScopes scopes;
    private final CurrentOrganization org;

    public ComplianceSummaryResource(ConfigurationService configurations, ComplianceQueries compliance, DeviceScopes scopes,
                                     CurrentOrganization org) {
        this.configurations = configurations;
        this.compliance = compliance;
        this.scopes = scopes;
        this.org = org;
    }

    /** One configuration's roll-up. */
    public record ConfigurationCompliance(UUID id, String name, Map<String, Long> clusters) {
    }

    /** The fleet's: per configuration, and over all of them. */
    public record ComplianceSummary(Map<String, Long> clusters, List<ConfigurationCompliance> configurations) {
    }

    @Operation(operationId = "getConfigurationComplianceSummary",
            summary = "Clusters per compliance state, per configuration and in all; optionally of one group's machines")
    @GET
    @Path("summary")
    @RolesAllowed(FleetRoles.VIEWER)
    public ComplianceSummary summary(@QueryParam("group") @Parameter(description = "A group's id or name: only clusters applied by its machines",
            schema = @Schema(maxLength = Limits.NAME)) String group) {
        String groupRef = QueryValues.text("group", group).orElse(null);
        DeviceScopes.Scope scope = groupRef == null ? DeviceScopes.ALL : scopes.resolve(org.id(), null, groupRef, null);
        Map<UUID, Map<String, Long>> counts = compliance.counts(org.id(), scope);
        Map<String, Long> total = new LinkedHashMap<>();
        counts.values().forEach(c -> c.forEach((state, n) -> total.merge(state, n, Long::sum)));
        List<ConfigurationCompliance> each = counts.entrySet().stream().map(e -> new ConfigurationCompliance(e.getKey(),
                configurations.get(org.id(), e.getKey()).name, e.getValue())).toList();
        return new ComplianceSummary(total, each);
    }

}
