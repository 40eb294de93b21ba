package io.edgefleet.provisioning.rest;

import io.edgefleet.access.AccessLevel;
import io.edgefleet.access.CallerScope;
import io.edgefleet.access.DeviceScoped;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.deviceauth.CurrentDevice;
import io.edgefleet.deviceauth.DeviceAuthenticationMechanism;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.security.DeviceTokens;
import io.edgefleet.provisioning.service.DeviceCredentialService;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.limits.RateLimited;
import io.edgefleet.rest.openapi.Refusals;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Device credentials: tokens for devices that prove their key, the JWKS to verify those tokens,
 * key rotation by the device and revocation by an operator.
 */
@Tag(name = "Device credentials", description = "Device tokens, key rotation, revocation.")
@Path("/api/v1")
public class DeviceCredentialResource {

    private final DeviceCredentialService service;
    private final DeviceTokens tokens;
    private final CurrentDevice device;
    private final CurrentOrganization org;
    private final CallerScope caller;

    public DeviceCredentialResource(DeviceCredentialService service, DeviceTokens tokens, CurrentDevice device,
                                    CurrentOrganization org, CallerScope caller) {
        this.caller = caller;
        this.service = service;
        this.tokens = tokens;
        this.device = device;
        this.org = org;
    }

    /** RFC 7523-style: a JWT assertion signed with the device key, in exchange for an access token. */
    @Operation(operationId = "issueDeviceToken",
            summary = "Exchange a signed device assertion for a device access token")
    @APIResponse(responseCode = "200", description = "A device access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeviceCredentialService.Credential.class)))
    @APIResponse(responseCode = "429", description = Refusals.RATE_LIMITED)
    @RateLimited("device-tokens")
    @POST
    @Path("device-tokens")
    @PermitAll
    @SecurityRequirementsSet({})
    public DeviceCredentialService.Credential token(@Valid @NotNull TokenRequest request) {
        return service.issueToken(request.assertion());
    }

    /** Public keys verifying device access tokens; any service (or system) may fetch it. */
    @Operation(operationId = "getDeviceTokenKeys", summary = "Get the keys device access tokens are signed with (JWKS)")
    @GET
    @Path("device-tokens/jwks")
    @PermitAll
    @SecurityRequirementsSet({})
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return tokens.jwks();
    }

    /** The calling device replaces its key; {@code proof} is an assertion signed with the new key. */
    @Operation(operationId = "rotateDeviceKey", summary = "Replace the calling device's public key")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @APIResponse(responseCode = "422", description = Refusals.UNPROCESSABLE)
    @POST
    @Path("device/key")
    @HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
    @RolesAllowed(DeviceTokenVerifier.DEVICE_ROLE)
    @SecurityRequirement(name = FleetRoles.DEVICE_TOKEN)
    public IdentityView rotateKey(@Valid @NotNull RotateKeyRequest request) {
        return IdentityView.of(service.rotateKey(device.get(), request.publicKey(), request.proof()));
    }

    @Operation(operationId = "revokeDevice", summary = "Revoke a device's identity: its tokens stop working")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = Refusals.CONFLICT)
    @POST
    @Path("devices/{id}/revoke")
    @RolesAllowed(FleetRoles.OPERATOR)
    @DeviceScoped
    public IdentityView revoke(@PathParam("id") UUID id, @Valid RevokeRequest request) {
        caller.require(id, AccessLevel.OPERATOR, ProvisioningErrorCode.DEVICE_NOT_FOUND);
        return IdentityView.of(service.revoke(org.id(), id, org.actor(), request == null ? null : request.reason()));
    }

    /** A device's signed assertion. */
    public record TokenRequest(@NotBlank @Size(max = Limits.CREDENTIAL) String assertion) {
    }

    /** A new device key and proof of possessing it. */
    public record RotateKeyRequest(@NotBlank @Size(max = Limits.CREDENTIAL) String publicKey,
                                   @NotBlank @Size(max = Limits.CREDENTIAL) String proof) {
    }

    /** Why an operator revokes a device (optional). */
    public record RevokeRequest(@Size(max = Limits.TEXT) String reason) {
    }

    /** A device identity as the API shows it. */
    public record IdentityView(String deviceId, String status, String keyFingerprint, OffsetDateTime enrolledAt,
                               OffsetDateTime rotatedAt, OffsetDateTime revokedAt) {

        static IdentityView of(DeviceIdentity d) {
            return new IdentityView(d.deviceId.toString(), d.status.name().toLowerCase(), d.keyFingerprint,
                    d.enrolledAt, d.rotatedAt, d.revokedAt);
        }
    }
}
