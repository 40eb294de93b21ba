package io.edgefleet.policy.engine;

import java.time.Duration;

/**
 * What one rule may cost. Neither Java CEL library bounds a rule the way Kubernetes does, so the
 * engine does: a rule longer than {@code maxExpressionLength} or nesting loops (comprehensions)
 * deeper than {@code maxLoopNesting} is refused when it is compiled, and an evaluation is stopped
 * once it iterates more than {@code maxIterations} times, takes more than {@code maxSteps}
 * evaluation steps or runs longer than {@code maxEvaluationTime}.
 *
 * @param maxExpressionLength characters (code points) of the rule's source
 * @param maxLoopNesting comprehensions (all, exists, map, filter) inside one another
 * @param maxIterations comprehension iterations of one evaluation, all loops together
 * @param maxSteps sub-expressions one evaluation may evaluate
 * @param maxEvaluationTime wall time of one evaluation, checked every few hundred steps
 */
public record CostLimits(int maxExpressionLength, int maxLoopNesting, int maxIterations, long maxSteps,
                         Duration maxEvaluationTime) {

    /** Generous for rules over one device and its cluster (15 nodes), far below a runaway. */
    public static CostLimits defaults() {
        return new CostLimits(4096, 2, 10_000, 100_000, Duration.ofMillis(50));
    }

    public CostLimits {
        if (maxExpressionLength < 1 || maxLoopNesting < 0 || maxIterations < 1 || maxSteps < 1
                || maxEvaluationTime == null || maxEvaluationTime.isNegative() || maxEvaluationTime.isZero()) {
            throw new IllegalArgumentException("cost limits must be positive");
        }
    }
}
