package io.edgefleet.policy;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.AuthorizationMatrixContract;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import java.util.UUID;

/**
 * Every operation × every caller answers as its declared role says. No operation here narrows by
 * device yet, so an operator bound to some devices is refused everywhere.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected String scopedOperatorToken() {
        InventoryRecords.roleBinding(tenant.org(), UUID.randomUUID().toString(), "user", "matrix-op", "operator", "site=matrix");
        return TestTokens.forSubject("matrix-op", tenant.org());
    }

    @Override
    protected Optional<String> deviceToken() {
        return Optional.empty();
    }
}
