package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.inventory.service.ClusterReports;
import io.edgefleet.inventory.service.Presence;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.Inbox;
import io.edgefleet.rest.problem.ApiException;
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

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final Presence presence;
    private final ClusterReports reports;
    private final DeviceRepository devices;

    public AgentReportsConsumer(Inbox inbox, CloudEventCodec codec, Presence presence, ClusterReports reports,
                                DeviceRepository devices) {
        this.inbox = inbox;
        this.codec = codec;
        this.presence = presence;
        this.reports = reports;
        this.devices = devices;
    }

    @Incoming("agent-reports")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = codec.decode(record);
        if (EventType.AGENT_HEARTBEAT.wireName().equals(event.type())) {
            AgentHeartbeat heartbeat = codec.data(event, AgentHeartbeat.class);
            presence.heartbeat(uuid(heartbeat.deviceId()), heartbeat.receivedAt());
        } else if (EventType.AGENT_REPORT.wireName().equals(event.type())) {
            inbox.process(CONSUMER, record, this::applyReport);
        }
    }

    private void applyReport(CloudEvent event) {
        AgentReport report = codec.data(event, AgentReport.class);
        if (!"inventory".equals(report.kind())) {
            return;
        }
        // The agent reports as soon as its session opens, which can be before provisioning's
        // device.enrolled reaches us: retried (with backoff) rather than dropped.
        Device device = devices.findByIdentity(uuid(report.deviceId())).orElseThrow(() -> new IllegalStateException(
                "no device with identity " + report.deviceId() + " yet"));
        try {
            reports.apply(device, report.report());
        } catch (ApiException e) {
            throw new PoisonEventException(e.errorCode().code() + ": " + e.getMessage());
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("deviceId '" + id + "' is not a UUID");
        }
    }
}
