package io.edgefleet.provisioning.security;

import io.edgefleet.projection.ProjectedAuthorizationMatrix;
import io.edgefleet.provisioning.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import java.util.UUID;

/** Every operation × every caller (an enrolled device too) answers as its declared role says. */
@QuarkusTest
class AuthorizationMatrixTest extends ProjectedAuthorizationMatrix {

    @Override
    protected Optional<Probe> scopedProbe() {
        return Optional.of(new Probe("/api/v1/devices/" + UUID.randomUUID() + "/commands", 404));
    }

    @Override
    protected Optional<String> deviceToken() {
        return Optional.of(TestDevice.enrolledDevice().accessToken());
    }
}
