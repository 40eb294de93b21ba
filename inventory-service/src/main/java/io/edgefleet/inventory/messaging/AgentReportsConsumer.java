package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.inventory.service.ClusterReports;
import io.edgefleet.inventory.service.Presence;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.agent.reports}. Heartbeats skip the inbox: applying one twice changes nothing
 * (last seen is a maximum), and an inbox row per heartbeat is the write load this avoids.
 * Inventory reports go through the inbox.
 */
@ApplicationScoped
public class AgentReportsConsumer {

    static final String CONSUMER = "inventory-service/agent-reports";

    private final EventConsumer consumer;
    private final ClusterReports reports;
    private final DeviceRepository devices;
    private final EventRoutes routes;

    public AgentReportsConsumer(EventConsumer consumer, Presence presence, ClusterReports reports,
                                DeviceRepository devices) {
        this.consumer = consumer;
        this.reports = reports;
        this.devices = devices;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .idempotent(EventType.AGENT_HEARTBEAT, AgentHeartbeat.class,
                        (event, beat) -> presence.heartbeat(UUID.fromString(beat.deviceId()), beat.receivedAt()))
                .inbox(EventType.AGENT_REPORT, AgentReport.class, this::applyReport)
                .build());
    }

    @Incoming("agent-reports")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }

    private void applyReport(CloudEvent event, AgentReport report) {
        if (!"inventory".equals(report.kind())) {
            return;
        }
        // The agent reports as soon as its session opens, which can be before provisioning's
        // device.enrolled reaches us: retried (with backoff) rather than dropped.
        Device device = devices.findByIdentity(UUID.fromString(report.deviceId())).orElseThrow(() ->
                new IllegalStateException("no device with identity " + report.deviceId() + " yet"));
        reports.apply(device, report.report());
    }
}
