package io.edgefleet.inventory.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.inventory.service.ExternalDevices;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.external.devices}: other systems upsert devices by external id, a record about a
 * known device merging into it (RFC 7396). A
 * record breaking a rule is dead-lettered with the code REST would give, and consumption goes on.
 */
@ApplicationScoped
public class ExternalDevicesConsumer {

    static final String CONSUMER = "inventory-service/external-devices";

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public ExternalDevicesConsumer(EventConsumer consumer, ExternalDevices externalDevices) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                // Read as a tree, not the typed record: a merge must tell an absent field from a null one.
                .inbox(EventType.EXTERNAL_DEVICE_UPSERTED, JsonNode.class,
                        (event, record) -> externalDevices.upsert(event.requireOrg(), record))
                .build());
    }

    @Incoming("external-devices")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
