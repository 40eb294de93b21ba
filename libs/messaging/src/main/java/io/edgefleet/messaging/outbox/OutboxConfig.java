package io.edgefleet.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "edgefleet.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes, e.g. {@code /edgefleet/inventory-service}. */
    String source();

    /**
     * How often the relay looks for events when nothing woke it: events committed by this
     * process are published right after commit; this catches what a crashed process or another
     * replica left, and retries after Kafka failures.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it retries later. */
    @WithDefault("15s")
    Duration sendTimeout();
}
