package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.inbox.Inbox;
import io.edgefleet.telemetry.alert.DeviceActivity;
import io.edgefleet.telemetry.security.RevokedDevices;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code fleet.provisioning.events}: revoked devices are refused from now on, and no longer watched for silence. */
@ApplicationScoped
public class ProvisioningEventsConsumer {

    static final String CONSUMER = "telemetry-service/provisioning-events";

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final RevokedDevices revoked;
    private final DeviceActivity activity;

    public ProvisioningEventsConsumer(Inbox inbox, CloudEventCodec codec, RevokedDevices revoked, DeviceActivity activity) {
        this.inbox = inbox;
        this.codec = codec;
        this.revoked = revoked;
        this.activity = activity;
    }

    @Incoming("provisioning-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        if (EventType.DEVICE_REVOKED.wireName().equals(event.type())) {
            DeviceRevoked data = codec.data(event, DeviceRevoked.class);
            UUID device = UUID.fromString(data.deviceId());
            revoked.record(device, event.orgId(), data.revokedAt().atOffset(ZoneOffset.UTC));
            activity.gone(event.orgId(), device);
        }
    }
}
