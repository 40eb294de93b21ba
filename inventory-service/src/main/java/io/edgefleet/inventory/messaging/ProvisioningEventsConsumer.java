package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.DeviceEnrolled;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.Inbox;
import io.edgefleet.inventory.service.EnrollmentLinker;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code fleet.provisioning.events}: enrolled devices are created or linked, revoked ones marked. */
@ApplicationScoped
public class ProvisioningEventsConsumer {

    static final String CONSUMER = "inventory-service/provisioning-events";

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final EnrollmentLinker linker;

    public ProvisioningEventsConsumer(Inbox inbox, CloudEventCodec codec, EnrollmentLinker linker) {
        this.inbox = inbox;
        this.codec = codec;
        this.linker = linker;
    }

    @Incoming("provisioning-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == EventType.DEVICE_ENROLLED) {
            DeviceEnrolled enrolled = codec.data(event, DeviceEnrolled.class);
            if (event.orgId() == null || enrolled.facts() == null || enrolled.facts().hostname() == null) {
                throw new PoisonEventException("device.enrolled lacks orgid or facts.hostname");
            }
            linker.enrolled(event.orgId(), enrolled);
        } else if (type == EventType.DEVICE_REVOKED) {
            linker.revoked(UUID.fromString(codec.data(event, DeviceRevoked.class).deviceId()));
        }
    }
}
