package io.edgefleet.telemetry;

import io.edgefleet.projection.InventoryProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

/** telemetry-service keeps its device and group projection exactly once and dead-letters poison. */
@QuarkusTest
class InventoryProjectionTest extends InventoryProjectionContract {

    @Override
    protected String serviceName() {
        return "telemetry-service";
    }
}
