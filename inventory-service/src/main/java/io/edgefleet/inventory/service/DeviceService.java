package io.edgefleet.inventory.service;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.time.TimeZones;
import io.edgefleet.events.DeviceRegistered;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.Lifecycle;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Registers, changes, decommissions and reads devices; every change records its history and event. */
@ApplicationScoped
public class DeviceService {

    private final DeviceRepository devices;
    private final DeviceChanges changes;
    private final Outbox outbox;
    private final Clock clock;

    public DeviceService(DeviceRepository devices, DeviceChanges changes, Outbox outbox, Clock clock) {
        this.devices = devices;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Device register(String orgId, DeviceSpec spec, String actor) {
        return register(orgId, UUID.randomUUID(), spec, actor);
    }

    /** Registers with a given id (enrollment creates devices under their identity id). */
    @Transactional
    public Device register(String orgId, UUID id, DeviceSpec spec, String actor) {
        DeviceRules.check(spec.labels(), spec.hardware(), spec.linuxNode(), spec.windowsNode(), spec.network());
        if (devices.nameTaken(orgId, spec.name())) {
            throw new FleetException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + spec.name() + "' already exists");
        }
        Device device = Device.register(id, orgId, spec.name(), spec.labels(), OffsetDateTime.now(clock));
        describe(device, spec);
        persistUniquelyNamed(device);
        changes.created(device, actor);
        outbox.record(EventType.DEVICE_REGISTERED, orgId, device.id.toString(),
                new DeviceRegistered(device.id.toString(), device.name, device.labels, device.createdAt.toInstant()));
        return device;
    }

    /**
     * Applies a patch (null = unchanged; a null label value removes the label) if the caller's
     * version matches: {@code ifMatch} (ETag, 412 on mismatch) or {@code resourceVersion} (409).
     */
    @Transactional
    public Device patch(String orgId, UUID id, DeviceSpec patch, Map<String, String> labelPatch, Optional<Long> ifMatch,
                        Optional<Long> resourceVersion, String actor) {
        Device device = get(orgId, id);
        requireVersion(device, ifMatch, resourceVersion);
        refuseDecommissioned(device);
        Map<String, String> labels = mergeLabels(device.labels, labelPatch);
        DeviceSpec merged = new DeviceSpec(or(patch.name(), device.name), or(patch.externalId(), device.externalId), labels,
                or(patch.hostOs(), device.hostOs), or(patch.hostOsVersion(), device.hostOsVersion),
                or(patch.hardware(), device.hardware), or(patch.linuxNode(), device.linuxNode),
                or(patch.windowsNode(), device.windowsNode), or(patch.network(), device.network),
                or(patch.timeZone(), device.timeZone));
        // Allocations the agent reported are judged by the edge-rule policies; a patch answers for what it changes.
        boolean allocations = patch.hardware() != null || patch.linuxNode() != null || patch.windowsNode() != null;
        DeviceRules.check(merged.labels(), allocations ? merged.hardware() : null, allocations ? merged.linuxNode() : null,
                allocations ? merged.windowsNode() : null, patch.network());
        if (!merged.name().equals(device.name) && devices.nameTaken(orgId, merged.name())) {
            throw new FleetException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + merged.name() + "' already exists");
        }
        changes.apply(device, actor, d -> {
            d.name = merged.name();
            describe(d, merged);
            d.labels = new HashMap<>(merged.labels());
        });
        return device;
    }

    /** Applies one label patch to many devices; all or none. */
    @Transactional
    public List<Device> patchLabels(String orgId, List<UUID> ids, Map<String, String> labelPatch, String actor) {
        return ids.stream().map(id -> {
            Device device = get(orgId, id);
            refuseDecommissioned(device);
            Map<String, String> labels = mergeLabels(device.labels, labelPatch);
            io.edgefleet.core.labels.Labels.validate("labels", labels);
            changes.apply(device, actor, d -> d.labels = new HashMap<>(labels));
            return device;
        }).toList();
    }

    @Transactional
    public Device decommission(String orgId, UUID id, String actor) {
        Device device = get(orgId, id);
        if (device.isDecommissioned()) {
            return device;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        changes.apply(device, actor, d -> {
            d.lifecycle = Lifecycle.DECOMMISSIONED;
            d.decommissionedAt = now;
        });
        outbox.record(EventType.DEVICE_DECOMMISSIONED, orgId, id.toString(), new DeviceDecommissioned(id.toString(),
                device.identityId == null ? null : device.identityId.toString(), actor, now.toInstant()));
        return device;
    }

    /** Deletes a decommissioned device for good (its history stays). */
    @Transactional
    public void delete(String orgId, UUID id) {
        Device device = get(orgId, id);
        if (!device.isDecommissioned()) {
            throw new FleetException(InventoryErrorCode.DEVICE_NOT_DECOMMISSIONED, "decommission device " + id + " first");
        }
        devices.delete(device);
        changes.deleted(device);
    }

    public Device get(String orgId, UUID id) {
        return devices.findInOrg(orgId, id).orElseThrow(
                () -> new FleetException(InventoryErrorCode.DEVICE_NOT_FOUND, "no device " + id));
    }

    static void describe(Device d, DeviceSpec spec) {
        d.externalId = spec.externalId();
        d.hostOs = spec.hostOs();
        d.hostOsVersion = spec.hostOsVersion();
        d.hardware = spec.hardware();
        d.linuxNode = spec.linuxNode();
        d.windowsNode = spec.windowsNode();
        d.network = spec.network();
        if (spec.timeZone() != null) {
            // The operator's zone, or the one the agent reported stays: a spec without one (an external record) clears nothing.
            d.timeZone = TimeZones.requireIana("timeZone", spec.timeZone());
        }
    }

    static Map<String, String> mergeLabels(Map<String, String> current, Map<String, String> patch) {
        Map<String, String> merged = new HashMap<>(current);
        if (patch != null) {
            patch.forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
        }
        return merged;
    }

    static void refuseDecommissioned(Device device) {
        if (device.isDecommissioned()) {
            throw new FleetException(InventoryErrorCode.DEVICE_DECOMMISSIONED, "device " + device.id + " is decommissioned");
        }
    }

    /** If-Match is HTTP's precondition (412); a body's resourceVersion is Kubernetes' conflict (409). */
    private static void requireVersion(Device device, Optional<Long> ifMatch, Optional<Long> resourceVersion) {
        Versions.require(ifMatch, device.version, "device " + device.id);
        if (resourceVersion.isPresent() && resourceVersion.get() != device.version) {
            throw new FleetException(InventoryErrorCode.RESOURCE_VERSION_CONFLICT,
                    "resourceVersion " + resourceVersion.get() + " but the device is at " + device.version);
        }
    }

    private void persistUniquelyNamed(Device device) {
        try {
            devices.persistAndFlush(device);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException violation
                    && "device_name_unique_per_org".equals(violation.getConstraintName())) {
                throw new FleetException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + device.name + "' already exists");
            }
            throw e;
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
