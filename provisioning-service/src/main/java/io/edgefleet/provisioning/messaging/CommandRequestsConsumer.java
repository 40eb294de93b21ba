package io.edgefleet.provisioning.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandRequested;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.Inbox;
import io.edgefleet.provisioning.command.CommandService;
import io.edgefleet.rest.problem.ApiException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Commands requested by other services and systems on {@code fleet.commands.requests}. A request
 * that can never be accepted (unknown device or type, invalid payload) is dead-lettered with
 * the same reason REST would give; status events follow for accepted ones.
 */
@ApplicationScoped
public class CommandRequestsConsumer {

    static final String CONSUMER = "provisioning-service/command-requests";

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final CommandService commands;

    public CommandRequestsConsumer(Inbox inbox, CloudEventCodec codec, CommandService commands) {
        this.inbox = inbox;
        this.codec = codec;
        this.commands = commands;
    }

    @Incoming("command-requests")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!EventType.COMMAND_REQUESTED.wireName().equals(event.type())) {
            return;
        }
        CommandRequested request = codec.data(event, CommandRequested.class);
        if (event.orgId() == null || request.deviceId() == null) {
            throw new PoisonEventException("command request lacks orgid or deviceId");
        }
        try {
            commands.request(event.orgId(), new CommandService.CommandRequest(UUID.fromString(request.deviceId()),
                    request.type() == null ? null : request.type().wireName(), request.payload(),
                    request.ttlSeconds() == null ? null : Duration.ofSeconds(request.ttlSeconds()),
                    request.idempotencyKey(), request.requestedBy() == null ? event.source() : request.requestedBy()));
        } catch (ApiException e) {
            throw new PoisonEventException(e.errorCode().code() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("deviceId is not a UUID");
        }
    }
}
