package io.edgefleet.provisioning.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.inbox.Inbox;
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

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final DeviceIdentityRepository identities;

    public InventoryEventsConsumer(Inbox inbox, CloudEventCodec codec, DeviceIdentityRepository identities) {
        this.inbox = inbox;
        this.codec = codec;
        this.identities = identities;
    }

    @Incoming("inventory-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!EventType.DEVICE_DECOMMISSIONED.wireName().equals(event.type())) {
            return;
        }
        DeviceDecommissioned data = codec.data(event, DeviceDecommissioned.class);
        if (data.identityId() == null) {
            return;
        }
        identities.findByIdOptional(UUID.fromString(data.identityId()))
                .filter(identity -> identity.decommissionedAt == null)
                .ifPresent(identity -> identity.decommissionedAt = data.decommissionedAt().atOffset(ZoneOffset.UTC));
    }
}
