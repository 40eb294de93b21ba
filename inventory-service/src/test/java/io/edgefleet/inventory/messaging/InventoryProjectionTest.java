package io.edgefleet.inventory.messaging;

import io.edgefleet.projection.InventoryProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * inventory-service projects its own events too (role bindings are enforced from the projection
 * in every service alike): exactly once, poison dead-lettered.
 */
@QuarkusTest
class InventoryProjectionTest extends InventoryProjectionContract {

    @Override
    protected String serviceName() {
        return "inventory-service";
    }
}
