package io.edgefleet.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Inventory rules and timings. */
@ConfigMapping(prefix = "edgefleet.inventory")
public interface InventoryConfig {

    /** Silence after which a connected device is marked offline. */
    @WithDefault("5m")
    Duration offlineAfter();

    /** How often coalesced heartbeats are written (one batch per interval). */
    @WithDefault("5s")
    Duration heartbeatFlush();

    /** How often connected devices are checked for silence. */
    @WithDefault("30s")
    Duration connectivitySweep();

    /** Most nodes a cluster may have unless the cluster says otherwise. */
    @WithDefault("15")
    int maxClusterNodes();
}
