package io.edgefleet.provisioning.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.edgefleet.projection.InventoryEventHandlers;
import io.edgefleet.provisioning.repository.DeviceIdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;

/** {@code device.decommissioned} on {@code fleet.inventory.events}: the identity stops accepting commands. */
@ApplicationScoped
public class DecommissionedDevices implements InventoryEventHandlers {

    private final DeviceIdentityRepository identities;

    public DecommissionedDevices(DeviceIdentityRepository identities) {
        this.identities = identities;
    }

    @Override
    public void addTo(EventRoutes.Builder routes) {
        routes.inbox(EventType.DEVICE_DECOMMISSIONED, DeviceDecommissioned.class, (event, data) -> {
            if (data.identityId() == null) {
                return;
            }
            identities.findByIdOptional(UUID.fromString(data.identityId()))
                    .filter(identity -> identity.decommissionedAt == null)
                    .ifPresent(identity -> identity.decommissionedAt = data.decommissionedAt().atOffset(ZoneOffset.UTC));
        });
    }
}
