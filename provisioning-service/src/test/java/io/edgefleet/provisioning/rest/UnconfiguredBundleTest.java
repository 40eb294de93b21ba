package io.edgefleet.provisioning.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.provisioning.config.PublicUrls;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without configured public URLs no bundle is made, and no enrollment token either. */
class UnconfiguredBundleTest {

    @Test
    void aBundleNeedsTheGatewayUrlAndIsRefusedBeforeATokenExists() {
        PublicUrls none = new PublicUrls() {
            @Override
            public Optional<List<URI>> gateway() {
                return Optional.empty();
            }

            @Override
            public Optional<URI> telemetry() {
                return Optional.of(URI.create("https://telemetry.example"));
            }

            @Override
            public Optional<URI> gitops() {
                return Optional.of(URI.create("https://gitops.example"));
            }
        };
        // No token service: reaching it would fail with a NullPointerException instead of the refusal.
        EnrollmentBundleResource resource = new EnrollmentBundleResource(null, null, none, null, null, null);
        FleetException refused = assertThrows(FleetException.class, () -> resource.create(new EnrollmentTokenRequest(
                "line-1", OffsetDateTime.parse("2030-01-01T00:00:00Z"), 1, false, null, null)));
        assertEquals(ProvisioningErrorCode.PUBLIC_URL_NOT_CONFIGURED, refused.errorCode());
    }
}
