package io.edgefleet.provisioning.rest;

import io.edgefleet.core.paging.Keyset;
import io.edgefleet.provisioning.domain.EnrollmentToken;
import io.edgefleet.provisioning.repository.ProvisioningSorting;
import io.edgefleet.provisioning.service.EnrollmentTokenService;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.ListQuery;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
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

/** {@code /api/v1/enrollment-tokens}: tokens operators hand to devices so they may enroll. */
@Tag(name = "Enrollment", description = "Enrollment tokens, bundles and requests.")
@Path("/api/v1/enrollment-tokens")
public class EnrollmentTokenResource {

    private final EnrollmentTokenService service;
    private final CurrentOrganization org;
    private final Clock clock;

    public EnrollmentTokenResource(EnrollmentTokenService service, CurrentOrganization org, Clock clock) {
        this.service = service;
        this.org = org;
        this.clock = clock;
    }

    @Operation(operationId = "createEnrollmentToken", summary = "Create an enrollment token")
    @APIResponse(responseCode = "201", description = "The token, shown once, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrollmentTokenView.class)))
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<EnrollmentTokenView> create(@Valid @NotNull EnrollmentTokenRequest request, UriInfo uri) {
        EnrollmentTokenService.CreatedToken created = service.create(org.id(), org.actor(), toNewToken(request));
        return RestResponse.ResponseBuilder.<EnrollmentTokenView>created(
                        uri.getAbsolutePathBuilder().path(created.token().id.toString()).build())
                .entity(EnrollmentTokenView.of(created.token(), now(), created.secret())).build();
    }

    @Operation(operationId = "listEnrollmentTokens", summary = "List enrollment tokens")
    @GET
    @RolesAllowed(FleetRoles.VIEWER)
    public Page<EnrollmentTokenView> list(@BeanParam ListQuery query, @QueryParam("sort") @Parameter(description = "Order: a field, `-` first for descending; ties by id.",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id", "name", "-name", "createdAt", "-createdAt"})) String sort) {
        query.refuseLabelSelector("enrollment tokens");
        OffsetDateTime now = now();
        Keyset<EnrollmentToken> page = Cursors.keyset(query, ProvisioningSorting.TOKENS, sort);
        return Page.fromOverfetch(service.page(org.id(), page), query.limit(), page::keyOf,
                t -> EnrollmentTokenView.of(t, now, null));
    }

    @Operation(operationId = "getEnrollmentToken", summary = "Get an enrollment token")
    @GET
    @Path("{id}")
    @RolesAllowed(FleetRoles.VIEWER)
    public EnrollmentTokenView get(@PathParam("id") UUID id) {
        return EnrollmentTokenView.of(service.get(org.id(), id), now(), null);
    }

    @Operation(operationId = "revokeEnrollmentToken", summary = "Revoke an enrollment token")
    @POST
    @Path("{id}/revoke")
    @RolesAllowed(FleetRoles.OPERATOR)
    public EnrollmentTokenView revoke(@PathParam("id") UUID id) {
        EnrollmentToken token = service.revoke(org.id(), id);
        return EnrollmentTokenView.of(token, now(), null);
    }

    static EnrollmentTokenService.NewToken toNewToken(EnrollmentTokenRequest r) {
        return new EnrollmentTokenService.NewToken(r.name(), r.expiresAt(), r.maxUses(), r.requiresApproval(),
                r.targetGroup(), r.targetLabels());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
