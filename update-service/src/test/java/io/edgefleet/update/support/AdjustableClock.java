package io.edgefleet.update.support;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the wall clock, unless a test sets the time (maintenance windows
 * are tested at chosen hours). Always reset after use.
 */
public class AdjustableClock {

    private static volatile Duration offset = Duration.ZERO;

    /** From now on the service's clock reads {@code at}, then runs on from there. */
    public static void setTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @Singleton
    @Mock
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
