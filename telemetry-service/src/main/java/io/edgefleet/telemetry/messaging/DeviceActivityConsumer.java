package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.events.inventory.DeviceConnectivityChanged;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.ConsumerRetries;
import io.edgefleet.telemetry.alert.DeviceActivity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What alert rules need to know of devices besides samples: heartbeats and reports (alive),
 * connectivity and decommissioning from inventory, and finished commands. Every write is
 * idempotent by itself (newest time wins, one row per command), so no inbox; undecodable or
 * incomplete events are dead-lettered, database failures retried ({@link ConsumerRetries}).
 */
@ApplicationScoped
public class DeviceActivityConsumer {

    private final CloudEventCodec codec;
    private final DeviceActivity activity;
    private final ConsumerRetries retries;

    public DeviceActivityConsumer(CloudEventCodec codec, DeviceActivity activity, ConsumerRetries retries) {
        this.codec = codec;
        this.activity = activity;
        this.retries = retries;
    }

    @Incoming("agent-reports")
    @Blocking
    public void agentReport(ConsumerRecord<String, String> record) {
        CloudEvent event = codec.decode(record);
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == EventType.AGENT_HEARTBEAT) {
            AgentHeartbeat beat = codec.data(event, AgentHeartbeat.class);
            seen(event, beat.deviceId(), beat.receivedAt());
        } else if (type == EventType.AGENT_REPORT) {
            AgentReport report = codec.data(event, AgentReport.class);
            seen(event, report.deviceId(), report.receivedAt());
        }
    }

    @Incoming("inventory-activity")
    @Blocking
    public void inventoryEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = codec.decode(record);
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == EventType.DEVICE_CONNECTIVITY_CHANGED) {
            DeviceConnectivityChanged change = codec.data(event, DeviceConnectivityChanged.class);
            if (change.lastSeenAt() != null) {
                seen(event, change.identityId() != null ? change.identityId() : change.deviceId(), change.lastSeenAt());
            }
        } else if (type == EventType.DEVICE_DECOMMISSIONED) {
            DeviceDecommissioned gone = codec.data(event, DeviceDecommissioned.class);
            UUID device = id(gone.identityId() != null ? gone.identityId() : gone.deviceId());
            String org = org(event);
            write("inventory-activity", event, () -> activity.gone(org, device));
        }
    }

    @Incoming("command-status")
    @Blocking
    public void commandStatus(ConsumerRecord<String, String> record) {
        CloudEvent event = codec.decode(record);
        if (!EventType.COMMAND_STATUS_CHANGED.wireName().equals(event.type())) {
            return;
        }
        CommandStatusChanged change = codec.data(event, CommandStatusChanged.class);
        if (change.status() == CommandStatus.SUCCEEDED || change.status() == CommandStatus.FAILED) {
            Instant at = change.changedAt() == null ? Instant.now() : change.changedAt();
            String org = org(event);
            UUID command = id(change.commandId());
            UUID device = id(change.deviceId());
            write("command-status", event, () -> activity.commandFinished(org, command, device,
                    change.status() == CommandStatus.FAILED, at));
        }
    }

    private void seen(CloudEvent event, String deviceId, Instant at) {
        if (at == null) {
            throw new PoisonEventException(event.type() + " carries no time");
        }
        UUID device = id(deviceId);
        String org = org(event);
        write("agent-reports", event, () -> activity.seen(org, device, at));
    }

    /** One idempotent write in its own transaction, retried while the database is away. */
    private void write(String channel, CloudEvent event, Runnable write) {
        retries.run("telemetry-service/" + channel, event.id(), () -> {
            QuarkusTransaction.requiringNew().run(write);
            return "processed";
        });
    }

    private static String org(CloudEvent event) {
        if (event.orgId() == null) {
            throw new PoisonEventException(event.type() + " carries no orgid");
        }
        return event.orgId();
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("'" + value + "' is not a device or command id");
        }
    }
}
