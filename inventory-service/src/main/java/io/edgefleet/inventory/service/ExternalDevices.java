package io.edgefleet.inventory.service;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.inventory.ExternalDeviceUpserted;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Devices registered or updated by other systems (a CMDB), matched by external id. */
@ApplicationScoped
public class ExternalDevices {

    static final String ACTOR = "external:fleet.external.devices";
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final DeviceChanges changes;

    public ExternalDevices(DeviceRepository devices, DeviceService deviceService, DeviceChanges changes) {
        this.devices = devices;
        this.deviceService = deviceService;
        this.changes = changes;
    }

    /** Must run in a transaction; a record breaking a rule throws the same 4xx error REST would give. */
    public Device upsert(String orgId, ExternalDeviceUpserted record) {
        if (record.externalId() == null || record.externalId().isBlank()) {
            throw FleetException.unprocessable("externalId", "is required");
        }
        if (record.name() == null || !DNS_NAME.matcher(record.name()).matches()) {
            throw FleetException.unprocessable("name", "must be a DNS-1123 name");
        }
        Map<String, String> labels = record.labels() == null ? Map.of() : record.labels();
        DeviceSpec spec = new DeviceSpec(record.name(), record.externalId(), labels, record.hostOs(),
                record.hostOsVersion(), record.hardware(), record.linuxNode(), record.windowsNode(), record.network());
        return devices.findByExternalId(orgId, record.externalId())
                .map(existing -> update(existing, spec))
                .orElseGet(() -> deviceService.register(orgId, spec, ACTOR));
    }

    private Device update(Device device, DeviceSpec spec) {
        DeviceService.refuseDecommissioned(device);
        if (!spec.name().equals(device.name) && devices.nameTaken(device.orgId, spec.name())) {
            throw new FleetException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + spec.name() + "' already exists");
        }
        DeviceRules.check(spec.labels(), spec.hardware(), spec.linuxNode(), spec.windowsNode(), spec.network());
        Map<String, String> labels = new HashMap<>(device.labels);
        labels.putAll(spec.labels());
        changes.apply(device, ACTOR, d -> {
            d.name = spec.name();
            DeviceService.describe(d, spec);
            d.labels = labels;
        });
        return device;
    }
}
