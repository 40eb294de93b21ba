package io.edgefleet.policy.engine;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Counts one evaluation's steps (every sub-expression CEL evaluates calls back here) and stops it,
 * by throwing, past its step budget or its deadline. The clock is read every 256 steps only: a
 * rule that fits the step budget costs no clock reads beyond that.
 */
final class CostMeter implements CelEvaluationListener {

    private final long maxSteps;
    private final long deadline;
    private final long maxNanos;
    private long steps;

    CostMeter(CostLimits limits) {
        this.maxSteps = limits.maxSteps();
        this.maxNanos = limits.maxEvaluationTime().toNanos();
        this.deadline = System.nanoTime() + maxNanos;
    }

    @Override
    public void callback(CelExpr expr, Object result) {
        steps++;
        if (steps > maxSteps) {
            throw new Exceeded("took more than " + maxSteps + " evaluation steps");
        }
        if ((steps & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
            throw new Exceeded("ran longer than " + maxNanos / 1_000_000 + " ms");
        }
    }

    long steps() {
        return steps;
    }

    /** Thrown through CEL's interpreter, which wraps it in its evaluation exception. */
    static final class Exceeded extends RuntimeException {

        Exceeded(String message) {
            super(message, null, false, false);
        }
    }
}
