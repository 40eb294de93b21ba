package io.edgefleet.gitops.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.gitops.compliance.ComplianceQueries;
import io.edgefleet.gitops.configuration.Configuration;
import io.edgefleet.gitops.configuration.ConfigurationService;
import io.edgefleet.gitops.configuration.ConfigurationSpec;
import io.edgefleet.projection.read.DeviceScopes;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/configurations}: GitOps configurations. Operators write, viewers read; credentials are never shown. */
@Tag(name = "Configurations", description = "Flux sources and kustomizations, assigned to clusters as desired state.")
@Path("/api/v1/configurations")
public class ConfigurationResource {

    private final ConfigurationService configurations;
    private final ComplianceQueries compliance;
    private final CurrentOrganization org;

    public ConfigurationResource(ConfigurationService configurations, ComplianceQueries compliance, CurrentOrganization org) {
        this.configurations = configurations;
        this.compliance = compliance;
        this.org = org;
    }

    @Operation(operationId = "createConfiguration", summary = "Create a configuration; its clusters are told at the configured pace")
    @APIResponse(responseCode = "201", description = "The configuration, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConfigurationView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<ConfigurationView> create(@Valid @NotNull ConfigurationSpec spec, @Context UriInfo uri) {
        Configuration configuration = configurations.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<ConfigurationView>created(uri.getAbsolutePathBuilder()
                        .path(configuration.id.toString()).build()).entity(ConfigurationView.of(configuration, Map.of()))
                .header(HttpHeaders.ETAG, Versions.etag(configuration.version)).build();
    }

    @Operation(operationId = "listConfigurations", summary = "List configurations, optionally the one of a name")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ConfigurationView> list(@BeanParam ListQuery query,
                                        @QueryParam("name") @Parameter(description = "Only the configuration of this name",
                                                schema = @Schema(maxLength = Limits.NAME)) String name,
                                        @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                                                schema = @Schema(type = SchemaType.STRING, defaultValue = "id",
                                                        enumeration = {"id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("configurations");
        Keyset<Configuration> page = Cursors.keyset(query, ConfigurationService.SORTING, sort);
        Map<UUID, Map<String, Long>> counts = compliance.counts(org.id(), DeviceScopes.ALL);
        return Page.fromOverfetch(configurations.page(org.id(), QueryValues.text("name", name).orElse(null), page), query.limit(),
                page::keyOf, c -> ConfigurationView.of(c, counts.getOrDefault(c.id, Map.of())));
    }

    @Operation(operationId = "getConfiguration", summary = "Get a configuration with its compliance counts, and its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<ConfigurationView> get(@PathParam("id") UUID id) {
        return withETag(configurations.get(org.id(), id));
    }

    /** Replaces the spec; {@code If-Match: "<version>"} guards against lost updates; credentials omitted are kept. */
    @Operation(operationId = "replaceConfiguration", summary = "Replace a configuration")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<ConfigurationView> replace(@PathParam("id") UUID id, @Valid @NotNull ConfigurationSpec spec,
                                                   @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        return withETag(configurations.replace(org.id(), id, spec, Versions.named(ifMatch)));
    }

    @Operation(operationId = "deleteConfiguration", summary = "Delete a configuration; its clusters remove what it created")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public Response delete(@PathParam("id") UUID id) {
        configurations.delete(org.id(), id);
        return Response.noContent().build();
    }

    private RestResponse<ConfigurationView> withETag(Configuration configuration) {
        Map<String, Long> counts = compliance.counts(org.id(), DeviceScopes.ALL).getOrDefault(configuration.id, Map.of());
        return RestResponse.ResponseBuilder.ok(ConfigurationView.of(configuration, counts))
                .header(HttpHeaders.ETAG, Versions.etag(configuration.version)).build();
    }
}
