package io.edgefleet.update.rollout;

import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The outcomes of rollout commands, from {@code fleet.commands.status}. Idempotent without an
 * inbox: an outcome applies only to the attempt whose request key it carries, once.
 */
@ApplicationScoped
public class CommandStatusConsumer {

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public CommandStatusConsumer(EventConsumer consumer, Outcomes outcomes) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer("update-service/command-status")
                .idempotent(EventType.COMMAND_STATUS_CHANGED, CommandStatusChanged.class, outcomes::apply)
                .build());
    }

    @Incoming("command-status")
    @Blocking
    public void status(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
