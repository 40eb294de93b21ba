package io.edgefleet.rest.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void aBurstPassesThenTheRateRefillsIt() {
        RateLimiter limiter = new RateLimiter(config(100, budget(60, 3, true)), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("enrollment", "a").isEmpty());
        }
        OptionalLong wait = limiter.take("enrollment", "a");
        assertEquals(1, wait.getAsLong(), "one request per second refills in a second");
        assertTrue(limiter.take("enrollment", "b").isEmpty(), "another key has its own bucket");
        clock.millis += 1_000;
        assertTrue(limiter.take("enrollment", "a").isEmpty());
        assertTrue(limiter.take("enrollment", "a").isPresent());
    }

    @Test
    void theLeastRecentlySeenKeysAreForgottenPastTheBound() {
        RateLimiter limiter = new RateLimiter(config(2, budget(60, 1, true)), clock);
        limiter.take("enrollment", "a");
        limiter.take("enrollment", "b");
        limiter.take("enrollment", "c");
        assertTrue(limiter.take("enrollment", "a").isEmpty(), "a was forgotten, so it starts with a full bucket");
        assertTrue(limiter.take("enrollment", "c").isPresent(), "c is remembered");
    }

    @Test
    void aDisabledBudgetLetsEverythingThrough() {
        RateLimiter limiter = new RateLimiter(config(10, budget(1, 1, false)), clock);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.take("enrollment", "a").isEmpty());
        }
    }

    private static RateLimitsConfig config(int maxTracked, RateLimitsConfig.Budget enrollment) {
        return new RateLimitsConfig() {
            @Override
            public int maxTracked() {
                return maxTracked;
            }

            @Override
            public Map<String, Budget> budgets() {
                return Map.of("enrollment", enrollment);
            }
        };
    }

    private static RateLimitsConfig.Budget budget(int perMinute, int burst, boolean enabled) {
        return new RateLimitsConfig.Budget() {
            @Override
            public int perMinute() {
                return perMinute;
            }

            @Override
            public int burst() {
                return burst;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }
        };
    }

    private static final class MovableClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }
}
