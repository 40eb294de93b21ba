package io.edgefleet.gitops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How fast a changed configuration reaches its devices (the device token keys: edgefleet.device-tokens.*). */
@ConfigMapping(prefix = "edgefleet.gitops")
public interface GitOpsConfig {

    /**
     * Devices told per second that their configurations changed, so a large group does not pull
     * from one git server at once; a device that connects fetches its set whatever the pace.
     */
    @WithDefault("50")
    int nudgesPerSecond();

    /** How long a nudge waits for an offline device: it fetches on its next connect anyway. */
    @WithDefault("1h")
    Duration nudgeTtl();

}
