package io.edgefleet.inventory.security;

import io.edgefleet.testsupport.AuthorizationMatrixContract;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** Every operation × every caller answers as its declared role says; inventory has no device endpoints. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected String scopedOperatorToken() {
        tenant.as("fleet-admin").body(Map.of("name", "matrix-op", "spec", Map.of("subject", Map.of("kind", "user", "name",
                "matrix-op"), "role", "operator", "scope", Map.of("labelSelector", "site=matrix"))))
                .when().post("/api/v1/role-bindings").then().statusCode(201);
        Awaitility.await("binding projected").atMost(Duration.ofSeconds(30)).until(() ->
                tenant.user("matrix-op").when().get("/api/v1/devices").then().extract().statusCode() == 200);
        return TestTokens.forSubject("matrix-op", tenant.org());
    }
}
