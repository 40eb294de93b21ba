package io.edgefleet.gitops;

import io.edgefleet.projection.ProjectedAuthorizationMatrix;
import io.edgefleet.testsupport.DeviceTokenKeys;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import java.util.UUID;

/**
 * Every operation × every caller (a device too) answers as its declared role says. No operation
 * here narrows by device yet, so an operator bound to some devices is refused everywhere.
 */
@QuarkusTest
class AuthorizationMatrixTest extends ProjectedAuthorizationMatrix {

    @Override
    protected Optional<String> deviceToken() {
        return Optional.of(DeviceTokenKeys.deviceToken(UUID.randomUUID().toString(), tenant.org()));
    }
}
