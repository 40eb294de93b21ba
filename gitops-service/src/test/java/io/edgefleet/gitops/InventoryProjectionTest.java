package io.edgefleet.gitops;

import io.edgefleet.projection.InventoryProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

/** gitops-service keeps its device projection exactly once and dead-letters poison. */
@QuarkusTest
class InventoryProjectionTest extends InventoryProjectionContract {

    @Override
    protected String serviceName() {
        return "gitops-service";
    }
}
