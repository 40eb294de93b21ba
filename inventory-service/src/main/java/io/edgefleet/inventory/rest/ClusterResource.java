package io.edgefleet.inventory.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.text.Choices;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.ClusterNode;
import io.edgefleet.inventory.repository.InventorySorting;
import io.edgefleet.inventory.service.ClusterService;
import io.edgefleet.inventory.service.InventoryQueries;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.paging.SelectorListQuery;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

/** {@code /api/v1/clusters}: clusters, their machines and their nodes. */
@Tag(name = "Clusters", description = "Kubernetes clusters and the machines they run on.")
@Path("/api/v1/clusters")
public class ClusterResource {

    private static final Choices DISTRIBUTIONS = Choices.of("k8s", "k3s");

    private final ClusterService service;
    private final InventoryQueries queries;
    private final CurrentOrganization org;

    public ClusterResource(ClusterService service, InventoryQueries queries, CurrentOrganization org) {
        this.service = service;
        this.queries = queries;
        this.org = org;
    }

    @Operation(operationId = "createCluster", summary = "Create a cluster")
    @APIResponse(responseCode = "201", description = "The cluster, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<ClusterView> create(@Valid @NotNull ClusterRequest request, UriInfo uri) {
        if (request.name() == null) {
            throw io.edgefleet.core.error.FleetException.unprocessable("name", "is required");
        }
        Cluster cluster = service.create(org.id(), request.toSpec());
        return RestResponse.ResponseBuilder.<ClusterView>created(uri.getAbsolutePathBuilder().path(cluster.id.toString()).build())
                .header(HttpHeaders.ETAG, Versions.etag(cluster.version)).entity(view(cluster)).build();
    }

    @Operation(operationId = "listClusters", summary = "List clusters")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ClusterView> list(@BeanParam SelectorListQuery query, @QueryParam("distribution")
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"k8s", "k3s"})) String distribution,
            @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {
                            "id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        int limit = query.limit();
        Keyset<Cluster> keyset = Cursors.keyset(query, InventorySorting.CLUSTERS, sort);
        List<Cluster> page = queries.clusters(org.id(), query.labelSelector(),
                QueryValues.oneOf("distribution", distribution, DISTRIBUTIONS), keyset);
        Map<UUID, List<String>> machines = queries.machinesOf(page);
        return Page.fromOverfetch(page, limit, keyset::keyOf,
                c -> ClusterView.of(c, machines.getOrDefault(c.id, List.of())));
    }

    @Operation(operationId = "getCluster", summary = "Get a cluster, with its ETag")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public RestResponse<ClusterView> get(@PathParam("id") UUID id) {
        Cluster cluster = service.get(org.id(), id);
        return RestResponse.ResponseBuilder.ok(view(cluster)).header(HttpHeaders.ETAG, Versions.etag(cluster.version)).build();
    }

    @Operation(operationId = "updateCluster", summary = "Change a cluster")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "412", description = Refusals.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PATCH
    @Path("{id}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public ClusterView patch(@PathParam("id") UUID id, @Valid @NotNull ClusterRequest request,
                             @HeaderParam(HttpHeaders.IF_MATCH) @Schema(maxLength = Limits.SHORT_TEXT) String ifMatch) {
        return view(service.patch(org.id(), id, request.toSpec(), Versions.named(ifMatch)));
    }

    @Operation(operationId = "deleteCluster", summary = "Delete a cluster")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        service.delete(org.id(), id);
        return Response.noContent().build();
    }

    @Operation(operationId = "attachClusterMachine", summary = "Add a machine (device) to a cluster")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @PUT
    @Path("{id}/machines/{deviceId}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public ClusterView attach(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return view(service.attach(org.id(), id, deviceId, org.actor()));
    }

    @Operation(operationId = "detachClusterMachine", summary = "Remove a machine (device) from a cluster")
    @DELETE
    @Path("{id}/machines/{deviceId}")
    @RolesAllowed(FleetRoles.OPERATOR)
    public ClusterView detach(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return view(service.detach(org.id(), id, deviceId, org.actor()));
    }

    @Operation(operationId = "listClusterNodes", summary = "List a cluster's Kubernetes nodes")
    @GET
    @Path("{id}/nodes")
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ClusterNode> nodes(@PathParam("id") UUID id) {
        return Page.of(queries.nodesOfCluster(org.id(), id));
    }

    private ClusterView view(Cluster cluster) {
        return ClusterView.of(cluster, queries.machinesOf(List.of(cluster)).getOrDefault(cluster.id, List.of()));
    }
}
