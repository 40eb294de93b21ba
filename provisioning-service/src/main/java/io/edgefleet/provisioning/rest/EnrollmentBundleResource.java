package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.agent.Bundle;
import io.edgefleet.provisioning.config.ProvisioningConfig;
import io.edgefleet.provisioning.config.PublicUrls;
import io.edgefleet.provisioning.security.DeviceTokens;
import io.edgefleet.provisioning.service.EnrollmentTokenService;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/enrollment-bundles}: offline onboarding. Creates an enrollment token and
 * answers a bundle file (gateway and telemetry URLs, the token's secret, trust anchors) that installs an agent
 * without interaction. Like the token's secret, the bundle cannot be downloaded again.
 */
@Tag(name = "Enrollment", description = "Enrollment tokens, bundles and requests.")
@Path("/api/v1/enrollment-bundles")
public class EnrollmentBundleResource {

    private final EnrollmentTokenService tokens;
    private final DeviceTokens deviceTokens;
    private final PublicUrls publicUrls;
    private final CurrentOrganization org;
    private final ObjectMapper json;
    private final ProvisioningConfig config;

    public EnrollmentBundleResource(EnrollmentTokenService tokens, DeviceTokens deviceTokens, PublicUrls publicUrls,
                                    CurrentOrganization org, ObjectMapper json, ProvisioningConfig config) {
        this.config = config;
        this.tokens = tokens;
        this.deviceTokens = deviceTokens;
        this.publicUrls = publicUrls;
        this.org = org;
        this.json = json;
    }

    @Operation(operationId = "createEnrollmentBundle",
            summary = "Create an onboarding bundle: what `edge-agent install --bundle` needs to onboard a machine unattended")
    @APIResponse(responseCode = "201", description = "The bundle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bundle.class)))
    @APIResponse(responseCode = "409", description = "edgefleet.public-url.gateway is not configured (PUBLIC_URL_NOT_CONFIGURED).")
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<Bundle> create(@Valid @NotNull EnrollmentTokenRequest request) {
        // Checked before the token exists: a refused bundle leaves no token behind.
        List<URI> gateways = publicUrls.gateway().filter(urls -> !urls.isEmpty()).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.PUBLIC_URL_NOT_CONFIGURED,
                "set edgefleet.public-url.gateway to the gateway URL(s) devices reach; bundles never carry a guessed address"));
        EnrollmentTokenService.CreatedToken created = tokens.create(org.id(), org.actor(),
                EnrollmentTokenResource.toNewToken(request));
        Bundle bundle = Bundle.of(gateways, publicUrls.telemetry().orElse(null), publicUrls.gitops().orElse(null), created.secret(),
                created.token().id.toString(), created.token().expiresAt, new Bundle.TrustAnchors(deviceTokens.issuer(), jwks(),
                config.releaseSigningKeys().orElse(List.of())));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, bundle).type(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"edgefleet-bundle-" + created.token().id + ".json\"")
                .build();
    }

    private JsonNode jwks() {
        try {
            return json.readTree(deviceTokens.jwks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
