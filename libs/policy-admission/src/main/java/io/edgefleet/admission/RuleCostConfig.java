package io.edgefleet.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What one policy rule may cost (libs/policy-engine's CostLimits), the same wherever rules are judged. */
@ConfigMapping(prefix = "edgefleet.policy.cost")
public interface RuleCostConfig {

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
