package io.edgefleet.update.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The release catalog's source and how the rollout engine paces itself. */
@ConfigMapping(prefix = "edgefleet.update")
public interface UpdateConfig {

    /**
     * A catalog file (YAML, {@code releases: [...]}) to load at start instead of the shipped
     * {@code releases/catalog.yaml}; its releases become the shared catalog.
     */
    Optional<String> catalogFile();

    /** How often the engine looks at running rollouts (read directly by the scheduler; declared to be validated). */
    @WithDefault("1s")
    Duration tick();

    /** Units one rollout dispatches at most per tick, whatever its pacing says: bounds one transaction. */
    @WithDefault("2000")
    int dispatchBatch();

    /** A dispatched step with no outcome after this long counts as failed (provisioning lost it, or it never answered). */
    @WithDefault("25h")
    Duration outcomeTimeout();

    /** Wait before a failed unit's next attempt; doubled for each further one. */
    @WithDefault("30s")
    Duration retryBackoff();
}
