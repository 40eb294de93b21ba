package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.DeviceEnrolled;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.inventory.service.EnrollmentLinker;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code fleet.provisioning.events}: enrolled devices join (or link to) the inventory; revoked ones are marked. */
@ApplicationScoped
public class ProvisioningEventsConsumer {

    static final String CONSUMER = "inventory-service/provisioning-events";

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public ProvisioningEventsConsumer(EventConsumer consumer, EnrollmentLinker linker) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .inbox(EventType.DEVICE_ENROLLED, DeviceEnrolled.class, (event, enrolled) -> {
                    if (enrolled.facts() == null || enrolled.facts().hostname() == null) {
                        throw new PoisonEventException("device.enrolled lacks facts.hostname");
                    }
                    linker.enrolled(event.requireOrg(), enrolled);
                })
                .inbox(EventType.DEVICE_REVOKED, DeviceRevoked.class,
                        (event, revoked) -> linker.revoked(UUID.fromString(revoked.deviceId())))
                .build());
    }

    @Incoming("provisioning-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
