package io.edgefleet.revocations;

import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code fleet.provisioning.events}: a revoked device is refused from now on; other events are not this consumer's. */
@ApplicationScoped
public class RevocationsConsumer {

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public RevocationsConsumer(EventConsumer consumer, RevokedDevices revoked, Instance<RevocationListener> listeners,
                               @ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(service + "/provisioning-events")
                .inbox(EventType.DEVICE_REVOKED, DeviceRevoked.class, (event, data) -> {
                    UUID device = UUID.fromString(data.deviceId());
                    String org = event.requireOrg();
                    revoked.record(device, org, data.revokedAt().atOffset(ZoneOffset.UTC));
                    listeners.forEach(listener -> listener.revoked(org, device));
                })
                .build());
    }

    @Incoming("provisioning-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
