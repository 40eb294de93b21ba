package io.edgefleet.rest.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * Request budgets by name ({@code edgefleet.rate-limits.<name>.per-minute}, {@code .burst}): a
 * token bucket per address or device, refilled at {@code per-minute}, holding at most
 * {@code burst}. Counted per replica: N replicas let N times the budget through.
 */
@ConfigMapping(prefix = "edgefleet.rate-limits")
public interface RateLimitsConfig {

    /** Most distinct addresses and devices remembered at once; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int maxTracked();

    @WithParentName
    Map<String, Budget> budgets();

    /** One named budget. */
    interface Budget {

        /** Sustained requests per minute. */
        @WithDefault("60")
        int perMinute();

        /** Requests allowed at once after a quiet spell. */
        @WithDefault("20")
        int burst();

        /** Off lets every request through (e.g. behind a gateway that limits already). */
        @WithDefault("true")
        boolean enabled();
    }
}
