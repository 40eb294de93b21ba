package io.edgefleet.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.Labels;
import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.inventory.domain.Device;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code machine} and {@code reportedLabels} parts of an agent's inventory report (protocol
 * 1.1): the machine's node allocations, network, time zone and its own labels. Only inventory's
 * limits are checked here (sizes, counts, formats); the product's shape rules (≤ 16 vCPUs, one
 * Linux node…) are the edge-rule policies' to judge, so an impossible machine shows as
 * non-compliant instead of being refused or checked twice. A report of protocol 1.0 has neither
 * part and changes none of these fields.
 */
@ApplicationScoped
public class MachineReports {

    static final int MAX_VCPUS = 1024;
    static final long MAX_MEMORY_MB = 16L * 1024 * 1024;
    static final long MAX_STORAGE_GB = 1024L * 1024;

    private final ObjectMapper json;

    public MachineReports(ObjectMapper json) {
        this.json = json;
    }

    /** Reads and checks the parts; answers what to apply to the device (inside its change). */
    public java.util.function.Consumer<Device> read(JsonNode report) {
        JsonNode machine = report.path("machine");
        JsonNode labels = report.path("reportedLabels");
        NodeAllocation linux = allocation(machine, "linuxNode");
        NodeAllocation windows = allocation(machine, "windowsNode");
        NetworkConfig network = value(machine, "network", NetworkConfig.class);
        if (network != null) {
            DeviceRules.checkNetwork(network);
        }
        String timeZone = timeZone(machine.path("timeZone"));
        Map<String, String> reported = labels.isObject() ? labels(labels) : null;
        return d -> {
            if (machine.isObject()) {
                d.linuxNode = linux;
                d.windowsNode = windows;
                d.network = network != null ? network : d.network;
                d.timeZone = timeZone != null ? timeZone : d.timeZone;
            }
            if (reported != null) {
                d.reportedLabels = reported;
            }
        };
    }

    private NodeAllocation allocation(JsonNode machine, String field) {
        NodeAllocation node = value(machine, field, NodeAllocation.class);
        if (node != null && (out(node.vcpus(), MAX_VCPUS) || out(node.memoryMb(), MAX_MEMORY_MB)
                || out(node.storageGb(), MAX_STORAGE_GB))) {
            throw FleetException.unprocessable("machine." + field, "allocations are bounded by " + MAX_VCPUS + " vCPUs, "
                    + MAX_MEMORY_MB + " MB and " + MAX_STORAGE_GB + " GB, none negative");
        }
        return node;
    }

    private <T> T value(JsonNode machine, String field, Class<T> type) {
        JsonNode node = machine.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw FleetException.unprocessable("machine." + field, "unreadable: " + e.getOriginalMessage());
        }
    }

    private static String timeZone(JsonNode zone) {
        if (zone.isMissingNode() || zone.isNull()) {
            return null;
        }
        try {
            String name = zone.asText();
            if (name.length() > 64) {
                throw new DateTimeException("too long");
            }
            return ZoneId.of(name).getId();
        } catch (DateTimeException e) {
            throw FleetException.unprocessable("machine.timeZone", "not an IANA time zone: " + e.getMessage());
        }
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> values = new HashMap<>();
        labels.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        Labels.validate("reportedLabels", values);
        return values;
    }

    private static boolean out(Number value, long max) {
        return value != null && (value.longValue() < 0 || value.longValue() > max);
    }
}
