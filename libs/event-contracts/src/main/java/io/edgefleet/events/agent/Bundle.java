package io.edgefleet.events.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The onboarding bundle ({@code POST /api/v1/enrollment-bundles}; named {@code Bundle} in the
 * published REST contract): everything an agent needs to
 * enroll unattended, read by {@code edge-agent install --bundle}.
 *
 * @param format {@value #FORMAT}
 * @param gatewayUrls provisioning-service's agent gateway as devices reach it, most preferred first
 * @param telemetryUrl telemetry ingest as devices reach it; absent: the deployment takes no telemetry
 * @param enrollmentToken the enrollment token's secret (spent at the first enrollment)
 * @param tokenId the enrollment token's id, to revoke it
 * @param expiresAt when the enrollment token expires
 * @param trustAnchors what the agent pins
 * @param serverUrl the first of {@code gatewayUrls}, for readers of format v1 (kept: the REST contract published it)
 * @param gitopsUrl gitops-service's device API as devices reach it; absent: the deployment holds no GitOps configurations
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Bundle(String format, List<URI> gatewayUrls, URI telemetryUrl, String enrollmentToken, String tokenId,
                     OffsetDateTime expiresAt, TrustAnchors trustAnchors, URI serverUrl,
                     URI gitopsUrl) {

    public static final String FORMAT = "edgefleet.bundle.v2";

    /** A bundle of this format for {@code gatewayUrls}. */
    public static Bundle of(List<URI> gatewayUrls, URI telemetryUrl, URI gitopsUrl, String enrollmentToken, String tokenId,
                            OffsetDateTime expiresAt, TrustAnchors trustAnchors) {
        return new Bundle(FORMAT, List.copyOf(gatewayUrls), telemetryUrl, enrollmentToken, tokenId, expiresAt, trustAnchors,
                gatewayUrls.get(0), gitopsUrl);
    }

    /**
     * The issuer and keys of device tokens, and the keys agent releases are signed with. TLS
     * roots join them once the deployment terminates TLS at the services.
     *
     * @param releaseSigningKeys base64 X.509 SubjectPublicKeyInfo of the EC P-256 keys whose
     *        signature an {@code update-agent} artifact must carry; none: the agent refuses agent updates
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrustAnchors(String deviceTokenIssuer, JsonNode deviceTokenJwks, List<String> releaseSigningKeys) {

        public TrustAnchors {
            releaseSigningKeys = releaseSigningKeys == null ? List.of() : List.copyOf(releaseSigningKeys);
        }
    }
}
