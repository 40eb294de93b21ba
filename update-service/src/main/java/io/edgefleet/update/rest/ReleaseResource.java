package io.edgefleet.update.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.text.Choices;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.edgefleet.update.release.Release;
import io.edgefleet.update.release.ReleaseCatalog;
import io.edgefleet.update.release.ReleaseKind;
import io.edgefleet.update.release.ReleaseSpec;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/releases}: the release catalog. */
@Tag(name = "Releases", description = "Kubernetes, k3s, OS image and agent releases: the shipped catalog and the organization's own.")
@Path("/api/v1/releases")
public class ReleaseResource {

    private static final Choices KINDS = Choices.of("kubernetes", "k3s", "os-image", "agent");
    private static final Choices CHANNELS = Choices.of("stable", "preview");

    private final ReleaseCatalog catalog;
    private final CurrentOrganization org;

    public ReleaseResource(ReleaseCatalog catalog, CurrentOrganization org) {
        this.catalog = catalog;
        this.org = org;
    }

    /**
     * A release as the API shows it.
     *
     * @param shipped from the catalog file: read-only, offered to every organization
     */
    public record ReleaseView(UUID id, String resourceVersion, ReleaseSpec spec, boolean shipped, OffsetDateTime createdAt) {

        static ReleaseView of(Release r) {
            return new ReleaseView(r.id, Versions.text(r.version), ReleaseSpec.of(r), r.orgId == null, r.createdAt);
        }
    }

    @Operation(operationId = "createRelease", summary = "Add a release to the organization's catalog")
    @APIResponse(responseCode = "201", description = "The release, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "409", description = "A release of this kind and version exists (RELEASE_EXISTS)")
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.ADMIN)
    public RestResponse<ReleaseView> create(@Valid @NotNull ReleaseSpec spec, @Context UriInfo uri) {
        Release release = catalog.create(org.id(), spec);
        return RestResponse.ResponseBuilder.<ReleaseView>created(uri.getAbsolutePathBuilder().path(release.id.toString()).build())
                .entity(ReleaseView.of(release)).header(HttpHeaders.ETAG, Versions.etag(release.version)).build();
    }

    @Operation(operationId = "listReleases", summary = "List releases, optionally of one kind and channel")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<ReleaseView> list(@BeanParam ListQuery query,
                                  @QueryParam("kind") @Parameter(schema = @Schema(type = SchemaType.STRING,
                                          enumeration = {"kubernetes", "k3s", "os-image", "agent"})) String kind,
                                  @QueryParam("channel") @Parameter(schema = @Schema(type = SchemaType.STRING,
                                          enumeration = {"stable", "preview"})) String channel,
                                  @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                                          schema = @Schema(type = SchemaType.STRING, defaultValue = "id",
                                                  enumeration = {"id", "-id", "version", "-version"})) String sort) {
        query.refuseLabelSelector("releases");
        ReleaseKind releaseKind = QueryValues.oneOf("kind", kind, KINDS).flatMap(ReleaseKind::fromWireName).orElse(null);
        String releaseChannel = QueryValues.oneOf("channel", channel, CHANNELS).orElse(null);
        Keyset<Release> page = Cursors.keyset(query, ReleaseCatalog.SORTING, sort);
        return Page.fromOverfetch(catalog.page(org.id(), releaseKind, releaseChannel, page), query.limit(), page::keyOf,
                ReleaseView::of);
    }

    @Operation(operationId = "getRelease", summary = "Get a release")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public ReleaseView get(@PathParam("id") UUID id) {
        return ReleaseView.of(catalog.get(org.id(), id));
    }

    @Operation(operationId = "deleteRelease", summary = "Delete one of the organization's releases")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Shipped (RELEASE_READ_ONLY) or targeted by a rollout that has not ended (RELEASE_IN_USE)")
    @DELETE
    @Path("{id}")
    @RolesAllowed(FleetRoles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        catalog.delete(org.id(), id);
        return Response.noContent().build();
    }
}
