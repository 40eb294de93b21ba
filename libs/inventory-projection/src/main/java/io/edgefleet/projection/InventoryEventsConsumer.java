package io.edgefleet.projection;

import io.edgefleet.messaging.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds {@code fleet.inventory.events} into this service's device projection, once per event. */
@ApplicationScoped
public class InventoryEventsConsumer {

    private final Inbox inbox;
    private final DeviceProjector projector;
    private final String consumerName;

    public InventoryEventsConsumer(Inbox inbox, DeviceProjector projector,
                                   @ConfigProperty(name = "quarkus.application.name") String consumerName) {
        this.inbox = inbox;
        this.projector = projector;
        this.consumerName = consumerName + "/inventory-events";
    }

    @Incoming("inventory-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(consumerName, record, projector::apply);
    }
}
