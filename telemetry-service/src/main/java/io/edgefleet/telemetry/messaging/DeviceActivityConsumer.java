package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.events.inventory.DeviceConnectivityChanged;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.edgefleet.telemetry.alert.DeviceActivity;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What alert rules need to know of devices besides samples: heartbeats and reports (alive),
 * connectivity and decommissioning from inventory, and finished commands. Every write is
 * idempotent by itself (newest time wins, one row per command), so no inbox.
 */
@ApplicationScoped
public class DeviceActivityConsumer {

    private final EventConsumer consumer;
    private final DeviceActivity activity;
    private final Clock clock;
    private final EventRoutes agentReports;
    private final EventRoutes inventoryActivity;
    private final EventRoutes commandStatus;

    public DeviceActivityConsumer(EventConsumer consumer, DeviceActivity activity, Clock clock) {
        this.consumer = consumer;
        this.activity = activity;
        this.clock = clock;
        this.agentReports = consumer.register(EventRoutes.consumer("telemetry-service/agent-reports")
                .idempotent(EventType.AGENT_HEARTBEAT, AgentHeartbeat.class, (e, beat) -> seen(e, beat.deviceId(), beat.receivedAt()))
                .idempotent(EventType.AGENT_REPORT, AgentReport.class, (e, report) -> seen(e, report.deviceId(), report.receivedAt()))
                .build());
        this.inventoryActivity = consumer.register(EventRoutes.consumer("telemetry-service/inventory-activity")
                .idempotent(EventType.DEVICE_CONNECTIVITY_CHANGED, DeviceConnectivityChanged.class, this::connectivity)
                .idempotent(EventType.DEVICE_DECOMMISSIONED, DeviceDecommissioned.class, (e, gone) -> activity.gone(
                        e.requireOrg(), UUID.fromString(gone.identityId() != null ? gone.identityId() : gone.deviceId())))
                .build());
        this.commandStatus = consumer.register(EventRoutes.consumer("telemetry-service/command-status")
                .idempotent(EventType.COMMAND_STATUS_CHANGED, CommandStatusChanged.class, this::commandFinished)
                .build());
    }

    @Incoming("agent-reports")
    @Blocking
    public void agentReport(ConsumerRecord<String, byte[]> record) {
        consumer.consume(agentReports, record);
    }

    @Incoming("inventory-activity")
    @Blocking
    public void inventoryEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(inventoryActivity, record);
    }

    @Incoming("command-status")
    @Blocking
    public void commandStatus(ConsumerRecord<String, byte[]> record) {
        consumer.consume(commandStatus, record);
    }

    private void connectivity(CloudEvent event, DeviceConnectivityChanged change) {
        if (change.lastSeenAt() != null) {
            seen(event, change.identityId() != null ? change.identityId() : change.deviceId(), change.lastSeenAt());
        }
    }

    private void commandFinished(CloudEvent event, CommandStatusChanged change) {
        if (change.status() == CommandStatus.SUCCEEDED || change.status() == CommandStatus.FAILED) {
            Instant at = change.changedAt() == null ? clock.instant() : change.changedAt();
            activity.commandFinished(event.requireOrg(), UUID.fromString(change.commandId()),
                    UUID.fromString(change.deviceId()), change.status() == CommandStatus.FAILED, at);
        }
    }

    private void seen(CloudEvent event, String deviceId, Instant at) {
        if (at == null) {
            throw new PoisonEventException(event.type() + " carries no time");
        }
        activity.seen(event.requireOrg(), UUID.fromString(deviceId), at);
    }
}
