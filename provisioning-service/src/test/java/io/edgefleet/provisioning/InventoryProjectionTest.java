package io.edgefleet.provisioning;

import io.edgefleet.projection.InventoryProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

/** Provisioning embeds the inventory projection (groups for enrollment tokens) and keeps its contract. */
@QuarkusTest
class InventoryProjectionTest extends InventoryProjectionContract {

    @Override
    protected String serviceName() {
        return "provisioning-service";
    }
}
