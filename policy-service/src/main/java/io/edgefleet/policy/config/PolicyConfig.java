package io.edgefleet.policy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How rules are bounded, how often everything is re-evaluated and how long history is kept. */
@ConfigMapping(prefix = "edgefleet.policy")
public interface PolicyConfig {

    /** What one rule may cost (libs/policy-engine's CostLimits). */
    Cost cost();

    /** How often every enforced assignment is re-evaluated over its whole scope, catching anything missed. */
    @WithDefault("1h")
    Duration fullPass();

    /** How often scopes marked due are walked (read directly by the scheduler; declared to be validated). */
    @WithDefault("2s")
    Duration scopeSweep();

    /** How long compliance transitions are kept; month partitions past it are dropped. */
    @WithDefault("400d")
    Duration historyRetention();

    /** Whether each organization gets the edge-rule built-ins assigned in audit mode when its first device appears. */
    @WithDefault("true")
    boolean defaultAssignments();

    /** The cost limits of a rule. */
    interface Cost {

        /** Characters of a rule's source. */
        @WithDefault("4096")
        int maxExpressionLength();

        /** Loops (all, exists, map, filter) inside one another. */
        @WithDefault("2")
        int maxLoopNesting();

        /** Loop iterations of one evaluation. */
        @WithDefault("10000")
        int maxIterations();

        /** Sub-expressions one evaluation evaluates. */
        @WithDefault("100000")
        long maxSteps();

        /** Wall time of one evaluation. */
        @WithDefault("50ms")
        Duration maxEvaluationTime();
    }
}
