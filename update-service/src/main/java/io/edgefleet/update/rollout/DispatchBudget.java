package io.edgefleet.update.rollout;

import java.time.Duration;

/** How many units a rollout may send in one engine step: the engine's batch, the rollout's pacing and its concurrency. */
final class DispatchBudget {

    private DispatchBudget() {
    }

    /**
     * @param strategy the rollout's strategy, or null
     * @param inFlight its units dispatched or in progress now
     * @param batch the engine's most units per step
     * @param tick how often the engine steps: pacing per second becomes units per step
     */
    static int of(RolloutSpec.Strategy strategy, int inFlight, int batch, Duration tick) {
        int budget = batch;
        if (strategy != null && strategy.dispatchesPerSecond() != null && strategy.dispatchesPerSecond() > 0) {
            long perTick = Math.max(1, strategy.dispatchesPerSecond() * Math.max(1, tick.toMillis()) / 1000);
            budget = (int) Math.min(budget, perTick);
        }
        if (strategy != null && strategy.concurrency() != null && strategy.concurrency() > 0) {
            budget = Math.min(budget, strategy.concurrency() - inFlight);
        }
        return budget;
    }
}
