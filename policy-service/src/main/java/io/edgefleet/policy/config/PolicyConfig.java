package io.edgefleet.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How often everything is re-evaluated and how long history is kept (what a rule may cost:
 * libs/policy-admission's {@code edgefleet.policy.cost.*}).
 */
@ConfigMapping(prefix = "edgefleet.policy")
public interface PolicyConfig {

    /** How often every enforced assignment is re-evaluated over its whole scope, catching anything missed. */
    @WithDefault("1h")
    Duration fullPass();

    /** How often scopes marked due are walked (read directly by the scheduler; declared to be validated). */
    @WithDefault("2s")
    Duration scopeSweep();

    /** How long compliance transitions are kept; month partitions past it are dropped. */
    @WithDefault("400d")
    Duration historyRetention();

    /** Commands one remediation sends at most (the first and its retries) before it gives up. */
    @WithDefault("3")
    int remediationAttempts();

    /** Wait before the first retry of a remediation; doubled for each further one. */
    @WithDefault("1m")
    Duration remediationBackoff();

    /** Whether each organization gets the edge-rule built-ins assigned in audit mode when its first device appears. */
    @WithDefault("true")
    boolean defaultAssignments();
}
