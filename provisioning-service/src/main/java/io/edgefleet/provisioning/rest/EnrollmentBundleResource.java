package io.edgefleet.provisioning.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.provisioning.config.ProvisioningConfig;
import io.edgefleet.provisioning.security.DeviceTokens;
import io.edgefleet.provisioning.service.EnrollmentTokenService;
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
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/enrollment-bundles}: offline onboarding. Creates an enrollment token and
 * answers a bundle file (server URL, the token's secret, trust anchors) that installs an agent
 * without interaction. Like the token's secret, the bundle cannot be downloaded again.
 */
@Tag(name = "Enrollment", description = "Enrollment tokens, bundles and requests.")
@Path("/api/v1/enrollment-bundles")
public class EnrollmentBundleResource {

    static final String BUNDLE_VERSION = "edgefleet.bundle.v1";

    private final EnrollmentTokenService tokens;
    private final DeviceTokens deviceTokens;
    private final ProvisioningConfig config;
    private final CurrentOrganization org;
    private final ObjectMapper json;

    public EnrollmentBundleResource(EnrollmentTokenService tokens, DeviceTokens deviceTokens, ProvisioningConfig config,
                                    CurrentOrganization org, ObjectMapper json) {
        this.tokens = tokens;
        this.deviceTokens = deviceTokens;
        this.config = config;
        this.org = org;
        this.json = json;
    }

    @Operation(operationId = "createEnrollmentBundle",
            summary = "Create an onboarding bundle for a device without network access at install")
    @APIResponse(responseCode = "201", description = "The bundle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bundle.class)))
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @RolesAllowed(FleetRoles.OPERATOR)
    public RestResponse<Bundle> create(@Valid @NotNull EnrollmentTokenRequest request) {
        EnrollmentTokenService.CreatedToken created = tokens.create(org.id(), org.actor(),
                EnrollmentTokenResource.toNewToken(request));
        Bundle bundle = new Bundle(BUNDLE_VERSION, config.publicUrl(), created.secret(), created.token().id.toString(),
                created.token().expiresAt, new TrustAnchors(deviceTokens.issuer(), jwks()));
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

    /**
     * What an agent needs to enroll unattended.
     *
     * @param serverUrl where provisioning-service is reached
     * @param enrollmentToken the token's secret
     * @param trustAnchors what the agent trusts: the issuer and keys of device tokens
     */
    public record Bundle(String format, String serverUrl, String enrollmentToken, String tokenId,
                         OffsetDateTime expiresAt, TrustAnchors trustAnchors) {
    }

    /** Keys and names the agent pins. TLS roots belong here once the deployment terminates TLS. */
    public record TrustAnchors(String deviceTokenIssuer, JsonNode deviceTokenJwks) {
    }
}
