package io.edgefleet.telemetry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Ingest windows and retention (device tokens: edgefleet.device-tokens.*; revocations: edgefleet.device-revocations.*). */
@ConfigMapping(prefix = "edgefleet.telemetry")
public interface TelemetryConfig {

    /** How far in the future a sample's timestamp may be (device clocks drift). */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** How old a sample may be: agents buffer while offline, but not forever. */
    @WithDefault("7d")
    Duration maxSampleAge();

    /** How long raw samples are kept; whole day partitions older than this are dropped. */
    @WithDefault("7d")
    Duration rawRetention();

    /** How long ingest waits for Kafka to acknowledge a batch before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** A device counts as reporting while its newest sample is younger than this. */
    @WithDefault("5m")
    Duration reportingWindow();

    /** How long 1-minute rollups are kept (1-hour rollups live for {@link #hourRollupRetention()}). */
    @WithDefault("30d")
    Duration minuteRollupRetention();

    @WithDefault("400d")
    Duration hourRollupRetention();

    /** How often alert rules are evaluated, e.g. 15s; "off" stops it (read by the scheduler; declared to be validated). */
    @WithDefault("15s")
    String alertEvaluationInterval();

    /** How long resolved alerts and ended silences stay listed as history. */
    @WithDefault("90d")
    Duration alertHistoryRetention();
}
