package io.edgefleet.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How inbound events are processed. */
@ConfigMapping(prefix = "edgefleet.inbox")
public interface InboxConfig {

    /**
     * Attempts for an event whose processing fails for a reason other than being poison (for
     * example the database is briefly unreachable) before it is dead-lettered for replay.
     */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; it doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /** How long processed event ids are remembered; redeliveries older than this are not expected. */
    @WithDefault("7d")
    Duration retention();
}
