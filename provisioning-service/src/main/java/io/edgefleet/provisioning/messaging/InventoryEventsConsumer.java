package io.edgefleet.provisioning.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.edgefleet.provisioning.repository.DeviceIdentityRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code fleet.inventory.events}: a decommissioned device's identity stops accepting commands. */
@ApplicationScoped
public class InventoryEventsConsumer {

    static final String CONSUMER = "provisioning-service/inventory-events";

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public InventoryEventsConsumer(EventConsumer consumer, DeviceIdentityRepository identities) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .inbox(EventType.DEVICE_DECOMMISSIONED, DeviceDecommissioned.class, (event, data) -> {
                    if (data.identityId() == null) {
                        return;
                    }
                    identities.findByIdOptional(UUID.fromString(data.identityId()))
                            .filter(identity -> identity.decommissionedAt == null)
                            .ifPresent(identity -> identity.decommissionedAt = data.decommissionedAt().atOffset(ZoneOffset.UTC));
                })
                .build());
    }

    @Incoming("inventory-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
