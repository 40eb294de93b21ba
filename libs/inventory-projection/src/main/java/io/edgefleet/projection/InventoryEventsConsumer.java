package io.edgefleet.projection;

import io.edgefleet.events.DeviceRegistered;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.events.inventory.DeviceUpdated;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds {@code fleet.inventory.events} into this service's device projection, once per event. */
@ApplicationScoped
public class InventoryEventsConsumer {

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public InventoryEventsConsumer(EventConsumer consumer, DeviceProjector projector,
                                   @ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(service + "/inventory-events")
                .inbox(EventType.DEVICE_REGISTERED, DeviceRegistered.class, projector::registered)
                .inbox(EventType.DEVICE_UPDATED, DeviceUpdated.class, projector::updated)
                .inbox(EventType.DEVICE_DECOMMISSIONED, DeviceDecommissioned.class, projector::decommissioned)
                .inbox(EventType.GROUP_CHANGED, GroupChanged.class, projector::groupChanged)
                .build());
    }

    @Incoming("inventory-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
