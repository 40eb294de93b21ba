package io.edgefleet.telemetry.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
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

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public ProvisioningEventsConsumer(EventConsumer consumer, RevokedDevices revoked, DeviceActivity activity) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .inbox(EventType.DEVICE_REVOKED, DeviceRevoked.class, (event, data) -> {
                    UUID device = UUID.fromString(data.deviceId());
                    String org = event.requireOrg();
                    revoked.record(device, org, data.revokedAt().atOffset(ZoneOffset.UTC));
                    activity.gone(org, device);
                })
                .build());
    }

    @Incoming("provisioning-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
