package io.edgefleet.rest.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets, one per budget and key, in memory (per replica). Bounded: past
 * {@code max-tracked} keys, the least recently used bucket is dropped (its key starts full).
 */
@ApplicationScoped
public class RateLimiter {

    private static final RateLimitsConfig.Budget UNCONFIGURED = new RateLimitsConfig.Budget() {
        @Override
        public int perMinute() {
            return 60;
        }

        @Override
        public int burst() {
            return 20;
        }

        @Override
        public boolean enabled() {
            return true;
        }
    };

    private final RateLimitsConfig config;
    private final Clock clock;
    private final Map<String, double[]> buckets;

    public RateLimiter(RateLimitsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        int max = config.maxTracked();
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > max;
            }
        };
    }

    /** Takes one request from {@code key}'s bucket; empty when allowed, else the seconds to wait. */
    public OptionalLong take(String budgetName, String key) {
        RateLimitsConfig.Budget budget = config.budgets().getOrDefault(budgetName, UNCONFIGURED);
        if (!budget.enabled()) {
            return OptionalLong.empty();
        }
        double perMilli = budget.perMinute() / 60_000.0;
        long now = clock.millis();
        synchronized (buckets) {
            // bucket = {tokens, last refill in millis}
            double[] bucket = buckets.computeIfAbsent(budgetName + "|" + key, k -> new double[] {budget.burst(), now});
            bucket[0] = Math.min(budget.burst(), bucket[0] + (now - bucket[1]) * perMilli);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.ceil((1 - bucket[0]) / perMilli / 1000.0));
        }
    }
}
