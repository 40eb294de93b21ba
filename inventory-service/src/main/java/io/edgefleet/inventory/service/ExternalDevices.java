package io.edgefleet.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.inventory.ExternalDeviceUpserted;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.repository.DeviceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Devices registered or updated by other systems (a CMDB), matched by external id. */
@ApplicationScoped
public class ExternalDevices {

    static final String ACTOR = "external:fleet.external.devices";
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /** Reported by the agent once a device is enrolled; an external record does not overwrite them. */
    static final List<String> AGENT_OWNED = List.of("hostOs", "hostOsVersion", "hardware", "linuxNode", "windowsNode");

    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final DeviceChanges changes;
    private final ObjectMapper json;

    public ExternalDevices(DeviceRepository devices, DeviceService deviceService, DeviceChanges changes, ObjectMapper json) {
        this.json = json;
        this.devices = devices;
        this.deviceService = deviceService;
        this.changes = changes;
    }

    /**
     * Must run in a transaction; a record breaking a rule throws the same 4xx error REST would give.
     * A record about a known device is a JSON merge patch (RFC 7396) of it: absent fields are kept,
     * an explicit null clears, arrays and values replace. What the agent reports of an enrolled
     * device (host OS, hardware, node allocations) is the agent's, and a record never overwrites it.
     */
    public Device upsert(String orgId, JsonNode record) {
        String externalId = record.path("externalId").asText(null);
        if (externalId == null || externalId.isBlank()) {
            throw FleetException.unprocessable("externalId", "is required");
        }
        return devices.findByExternalId(orgId, externalId)
                .map(existing -> update(existing, spec(merged(existing, record))))
                .orElseGet(() -> deviceService.register(orgId, spec(read(record)), ACTOR));
    }

    private ExternalDeviceUpserted merged(Device device, JsonNode patch) {
        ObjectNode ownPatch = patch.deepCopy();
        if (device.identityId != null) {
            ownPatch.remove(AGENT_OWNED);
        }
        ExternalDeviceUpserted current = new ExternalDeviceUpserted(device.externalId, device.name, device.labels,
                device.hostOs, device.hostOsVersion, device.hardware, device.linuxNode, device.windowsNode, device.network);
        return read(JsonMergePatch.apply(json.valueToTree(current), ownPatch));
    }

    private ExternalDeviceUpserted read(JsonNode record) {
        try {
            return json.treeToValue(record, ExternalDeviceUpserted.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "the record does not match the device schema");
        }
    }

    private static DeviceSpec spec(ExternalDeviceUpserted record) {
        if (record.name() == null || !DNS_NAME.matcher(record.name()).matches()) {
            throw FleetException.unprocessable("name", "must be a DNS-1123 name");
        }
        Map<String, String> labels = record.labels() == null ? Map.of() : record.labels();
        return new DeviceSpec(record.name(), record.externalId(), labels, record.hostOs(), record.hostOsVersion(),
                record.hardware(), record.linuxNode(), record.windowsNode(), record.network(), null);
    }

    private Device update(Device device, DeviceSpec spec) {
        DeviceService.refuseDecommissioned(device);
        if (!spec.name().equals(device.name) && devices.nameTaken(device.orgId, spec.name())) {
            throw new FleetException(InventoryErrorCode.DEVICE_NAME_TAKEN, "a device named '" + spec.name() + "' already exists");
        }
        DeviceRules.check(spec.labels(), spec.hardware(), spec.linuxNode(), spec.windowsNode(), spec.network());
        changes.apply(device, ACTOR, d -> {
            d.name = spec.name();
            DeviceService.describe(d, spec);
            d.labels = new HashMap<>(spec.labels());
        });
        return device;
    }
}
