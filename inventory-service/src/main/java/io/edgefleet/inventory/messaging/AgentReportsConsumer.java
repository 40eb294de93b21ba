package io.edgefleet.inventory.messaging;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.inventory.repository.EarlyReportRepository;
import io.edgefleet.inventory.service.ClusterReports;
import io.edgefleet.inventory.service.Presence;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
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
    private final EarlyReportRepository earlyReports;
    private final EventRoutes routes;

    public AgentReportsConsumer(EventConsumer consumer, Presence presence, ClusterReports reports,
                                DeviceRepository devices, EarlyReportRepository earlyReports) {
        this.consumer = consumer;
        this.earlyReports = earlyReports;
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
        // device.enrolled reaches us: kept, and applied when the device is linked.
        if (report.report() == null || !report.report().isObject()) {
            throw new PoisonEventException("an inventory report's report is a JSON object");
        }
        UUID identity = UUID.fromString(report.deviceId());
        try {
            devices.findByIdentity(identity).ifPresentOrElse(device -> reports.apply(device, report.report()),
                    () -> earlyReports.keep(event.requireOrg(), identity, report.report().toString(),
                            Objects.requireNonNullElse(report.receivedAt(), Instant.EPOCH)));
        } catch (FleetException refused) {
            // A report breaking inventory's rules stays broken however often it is retried.
            throw new PoisonEventException(PoisonEventException.INVALID_EVENT_DATA, refused.getMessage());
        }
    }
}
