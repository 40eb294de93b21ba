package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pacing and concurrency bound what one engine step sends; without them the engine's batch does. */
class DispatchBudgetTest {

    private static final Duration TICK = Duration.ofSeconds(1);

    @Test
    void withoutStrategyTheEnginesBatch() {
        assertEquals(2000, DispatchBudget.of(null, 0, 2000, TICK));
        assertEquals(2000, DispatchBudget.of(strategy(null, 0), 0, 2000, TICK), "0 per second: as fast as the engine goes");
    }

    @Test
    void pacingPerSecondBecomesUnitsPerTickAndAtLeastOne() {
        assertEquals(50, DispatchBudget.of(strategy(null, 50), 0, 2000, TICK));
        assertEquals(25, DispatchBudget.of(strategy(null, 50), 0, 2000, Duration.ofMillis(500)));
        assertEquals(1, DispatchBudget.of(strategy(null, 1), 0, 2000, Duration.ofMillis(100)));
        assertEquals(2000, DispatchBudget.of(strategy(null, 100_000), 0, 2000, TICK), "never past the engine's batch");
    }

    @Test
    void concurrencyCountsWhatIsInFlight() {
        assertEquals(3, DispatchBudget.of(strategy(5, null), 2, 2000, TICK));
        assertEquals(0, DispatchBudget.of(strategy(5, null), 5, 2000, TICK));
        assertEquals(2, DispatchBudget.of(strategy(5, 20), 3, 2000, TICK), "the tighter of the two");
    }

    private static RolloutSpec.Strategy strategy(Integer concurrency, Integer perSecond) {
        return new RolloutSpec.Strategy(concurrency, null, null, null, perSecond);
    }
}
