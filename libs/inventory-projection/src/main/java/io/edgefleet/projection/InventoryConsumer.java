package io.edgefleet.projection;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.events.inventory.RoleBindingChanged;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds this service's projection. Devices come from the compacted
 * {@code fleet.inventory.devices}, which holds every device's latest state, so a new service or
 * a restored database rebuilds the whole projection from it; a state older than the projected
 * one changes nothing (a replayed dead letter, say), so no inbox is needed there. Groups and clusters come
 * from {@code fleet.inventory.events}, once per event, on the one consumer a service has for that
 * topic: its own handlers of other inventory events join it ({@link InventoryEventHandlers}).
 */
@ApplicationScoped
public class InventoryConsumer {

    private final EventConsumer consumer;
    private final EventRoutes devices;
    private final EventRoutes events;

    public InventoryConsumer(EventConsumer consumer, DeviceProjector projector, RoleBindingProjector bindings,
                             Instance<InventoryEventHandlers> handlers,
                             @ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumer = consumer;
        this.devices = consumer.register(EventRoutes.consumer(service + "/inventory-devices")
                .idempotent(EventType.DEVICE_STATE, DeviceState.class, projector::state)
                .tombstones(EventType.DEVICE_STATE, projector::deleted)
                .build());
        EventRoutes.Builder events = EventRoutes.consumer(service + "/inventory-events")
                .inbox(EventType.GROUP_CHANGED, GroupChanged.class, projector::groupChanged)
                .inbox(EventType.CLUSTER_INVENTORY_CHANGED, ClusterInventoryChanged.class, projector::clusterChanged)
                .inbox(EventType.ROLE_BINDING_CHANGED, RoleBindingChanged.class, bindings::changed);
        handlers.forEach(h -> h.addTo(events));
        this.events = consumer.register(events.build());
    }

    @Incoming("inventory-devices")
    @Blocking
    public void device(ConsumerRecord<String, byte[]> record) {
        consumer.consume(devices, record);
    }

    @Incoming("inventory-events")
    @Blocking
    public void event(ConsumerRecord<String, byte[]> record) {
        consumer.consume(events, record);
    }
}
