package io.edgefleet.telemetry.ingest;

import io.edgefleet.messaging.kafka.KafkaClients;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Telemetry ingest answers 202 only once Kafka holds a batch, so unlike the services that write
 * through the outbox it cannot work while Kafka is away: this readiness check says so (and only
 * this service has it). The broker is asked at most every {@link #FRESH} so probes stay cheap.
 */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {

    static final String NAME = "telemetry ingest: Kafka reachable";
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private Admin admin;
    private Instant checkedAt = Instant.MIN;
    private boolean reachable;

    public IngestReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock) {
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        Instant now = clock.instant();
        if (now.isAfter(checkedAt.plus(FRESH))) {
            reachable = probe();
            checkedAt = now;
        }
        return HealthCheckResponse.named(NAME).status(reachable).build();
    }

    private boolean probe() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(KafkaClients.settings(kafkaConfig, AdminClientConfig.configNames(),
                    "telemetry-ingest-readiness"));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
