package io.edgefleet.agent.connection;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: after an outage thousands of agents spread their
 * reconnects over the whole window instead of arriving together.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Random random;
    private int failures;

    public Backoff(Duration initial, Duration max, Random random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before the next attempt: uniformly random up to min(max, initial * 2^failures). */
    public synchronized Duration next() {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 20));
        failures++;
        return Duration.ofMillis(1 + (long) (random.nextDouble() * ceiling));
    }

    public synchronized void reset() {
        failures = 0;
    }
}
