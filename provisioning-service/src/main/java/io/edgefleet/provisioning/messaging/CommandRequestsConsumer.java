package io.edgefleet.provisioning.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandRequested;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.edgefleet.provisioning.command.CommandService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Commands requested by other services and systems on {@code fleet.commands.requests}. A request
 * that can never be accepted (unknown device or type, invalid payload) is dead-lettered with
 * the same code REST would give; status events follow for accepted ones. A well-formed request a
 * deny policy forbids is answered, not dead-lettered: a rejected command with code
 * {@code POLICY_DENIED} and the reason, on {@code fleet.commands.status} under its correlation id.
 */
@ApplicationScoped
public class CommandRequestsConsumer {

    static final String CONSUMER = "provisioning-service/command-requests";

    private final EventConsumer consumer;
    private final CommandService commands;
    private final EventRoutes routes;

    public CommandRequestsConsumer(EventConsumer consumer, CommandService commands) {
        this.consumer = consumer;
        this.commands = commands;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .inbox(EventType.COMMAND_REQUESTED, CommandRequested.class, this::apply, this::readAhead)
                .build());
    }

    /** A poll at a time, in one transaction: a rollout's burst of requests is not one commit per command. */
    @Incoming("command-requests")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        consumer.consumeBatch(routes, polled);
    }

    /**
     * A poll's devices and idempotency keys, two queries per organization; a request this cannot
     * read is left to apply() to judge.
     */
    private void readAhead(List<EventRoutes.Received<CommandRequested>> requests) {
        Map<String, List<UUID>> devices = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        for (EventRoutes.Received<CommandRequested> request : requests) {
            try {
                String org = request.event().requireOrg();
                devices.computeIfAbsent(org, o -> new ArrayList<>()).add(UUID.fromString(request.data().deviceId()));
                keys.computeIfAbsent(org, o -> new ArrayList<>()).add(idempotencyKey(request.event(), request.data()));
            } catch (RuntimeException e) {
                // No organization or no device id: not read ahead; apply() dead-letters it with the reason.
            }
        }
        devices.forEach((org, ids) -> commands.readAhead(org, ids, keys.get(org)));
    }

    /** Without an idempotency key the request's own event id identifies it, so its outcome can be matched. */
    private static String idempotencyKey(CloudEvent event, CommandRequested request) {
        return request.idempotencyKey() != null ? request.idempotencyKey() : event.id();
    }

    private void apply(CloudEvent event, CommandRequested request) {
        if (request.deviceId() == null) {
            throw new PoisonEventException("command request lacks deviceId");
        }
        String idempotencyKey = idempotencyKey(event, request);
        commands.request(event.requireOrg(), new CommandService.CommandRequest(UUID.fromString(request.deviceId()),
                request.type() == null ? null : request.type().wireName(), request.payload(),
                request.ttlSeconds() == null ? null : Duration.ofSeconds(request.ttlSeconds()),
                idempotencyKey, request.requestedBy() == null ? event.source() : request.requestedBy()),
                CommandService.OnDenial.RECORD);
    }
}
