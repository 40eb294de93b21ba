package io.edgefleet.telemetry;

import io.edgefleet.testsupport.DeviceTokenKeys;
import io.edgefleet.projection.ProjectedAuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import java.util.UUID;

/** Every operation × every caller (a device too) answers as its declared role says. */
@QuarkusTest
class AuthorizationMatrixTest extends ProjectedAuthorizationMatrix {

    @Override
    protected Optional<Probe> scopedProbe() {
        return Optional.of(new Probe("/api/v1/alerts", 200));
    }

    @Override
    protected Optional<String> deviceToken() {
        return Optional.of(DeviceTokenKeys.deviceToken(UUID.randomUUID().toString(), tenant.org()));
    }
}
