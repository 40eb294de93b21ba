package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.ExternalDeviceUpserted;
import io.edgefleet.inventory.service.ExternalDevices;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.external.devices}: other systems upsert devices by external id, a record about a
 * known device merging into it (RFC 7396, so the raw data is passed on, not the typed record). A
 * record breaking a rule is dead-lettered with the code REST would give, and consumption goes on.
 */
@ApplicationScoped
public class ExternalDevicesConsumer {

    static final String CONSUMER = "inventory-service/external-devices";

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public ExternalDevicesConsumer(EventConsumer consumer, ExternalDevices externalDevices, CloudEventCodec codec) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .inbox(EventType.EXTERNAL_DEVICE_UPSERTED, ExternalDeviceUpserted.class,
                        (event, data) -> externalDevices.upsert(event.requireOrg(), codec.tree(event)))
                .build());
    }

    @Incoming("external-devices")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
