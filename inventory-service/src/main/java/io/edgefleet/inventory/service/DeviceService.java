package io.edgefleet.inventory.service;

import io.edgefleet.events.DeviceRegistered;
import io.edgefleet.events.EventType;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.rest.labels.Labels;
import io.edgefleet.rest.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Registers and reads devices; every change records its event in the same transaction. */
@ApplicationScoped
public class DeviceService {

    private final DeviceRepository devices;
    private final Outbox outbox;
    private final Clock clock;

    public DeviceService(DeviceRepository devices, Outbox outbox, Clock clock) {
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Device register(String orgId, String name, Map<String, String> labels) {
        Labels.validate("labels", labels);
        if (devices.nameTaken(orgId, name)) {
            throw new ApiException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + name + "' already exists");
        }
        Device device = Device.register(orgId, name, labels == null ? Map.of() : labels, OffsetDateTime.now(clock));
        persistUniquelyNamed(device);
        outbox.record(EventType.DEVICE_REGISTERED, orgId, device.id.toString(),
                new DeviceRegistered(device.id.toString(), device.name, device.labels, device.createdAt.toInstant()));
        return device;
    }

    /** The name check above can race with a concurrent registration: the constraint decides. */
    private void persistUniquelyNamed(Device device) {
        try {
            devices.persistAndFlush(device);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException violation
                    && "device_name_unique_per_org".equals(violation.getConstraintName())) {
                throw new ApiException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + device.name + "' already exists");
            }
            throw e;
        }
    }

    public Device get(String orgId, UUID id) {
        return devices.findInOrg(orgId, id).orElseThrow(
                () -> new ApiException(InventoryErrorCode.DEVICE_NOT_FOUND, "no device " + id));
    }
}
