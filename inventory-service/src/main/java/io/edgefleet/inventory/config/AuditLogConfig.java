package io.edgefleet.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The fleet-wide audit log this service keeps. */
@ConfigMapping(prefix = "edgefleet.audit")
public interface AuditLogConfig {

    /** How long entries are kept; older ones are purged. */
    @WithDefault("P400D")
    Duration retention();

    /** How often entries past their retention are purged. */
    @WithDefault("1h")
    Duration purgeEvery();

    /** Entries deleted per purge transaction, so a purge never holds one long lock. */
    @WithDefault("10000")
    int purgeBatch();
}
