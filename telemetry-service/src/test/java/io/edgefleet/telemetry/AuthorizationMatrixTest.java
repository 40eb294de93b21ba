package io.edgefleet.telemetry;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.AuthorizationMatrixContract;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Every operation × every caller (a device too) answers as its declared role says. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected String scopedOperatorToken() {
        InventoryRecords.roleBinding(tenant.org(), UUID.randomUUID().toString(), "user", "matrix-op", "operator", "site=matrix");
        Awaitility.await("binding projected").atMost(Duration.ofSeconds(30)).until(() ->
                tenant.user("matrix-op").when().get("/api/v1/alerts").then().extract().statusCode() == 200);
        return TestTokens.forSubject("matrix-op", tenant.org());
    }

    @Override
    protected Optional<String> deviceToken() {
        return Optional.of(DeviceTokenKeys.deviceToken(UUID.randomUUID().toString(), tenant.org()));
    }
}
