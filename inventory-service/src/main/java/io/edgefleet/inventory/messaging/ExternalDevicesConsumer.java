package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.ExternalDeviceUpserted;
import io.edgefleet.inventory.service.ExternalDevices;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.Inbox;
import io.edgefleet.rest.problem.ApiException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.external.devices}: other systems upsert devices by external id. A record
 * breaking a rule is dead-lettered with the reason REST would give, and consumption goes on.
 */
@ApplicationScoped
public class ExternalDevicesConsumer {

    static final String CONSUMER = "inventory-service/external-devices";

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final ExternalDevices externalDevices;

    public ExternalDevicesConsumer(Inbox inbox, CloudEventCodec codec, ExternalDevices externalDevices) {
        this.inbox = inbox;
        this.codec = codec;
        this.externalDevices = externalDevices;
    }

    @Incoming("external-devices")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        if (!EventType.EXTERNAL_DEVICE_UPSERTED.wireName().equals(event.type())) {
            return;
        }
        if (event.orgId() == null) {
            throw new PoisonEventException("external device record lacks the orgid attribute");
        }
        try {
            externalDevices.upsert(event.orgId(), codec.data(event, ExternalDeviceUpserted.class));
        } catch (ApiException e) {
            throw new PoisonEventException(e.errorCode().code() + ": " + e.getMessage());
        }
    }
}
