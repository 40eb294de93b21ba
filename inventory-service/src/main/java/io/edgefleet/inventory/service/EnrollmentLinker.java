package io.edgefleet.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.provisioning.DeviceEnrolled;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.Lifecycle;
import io.edgefleet.inventory.repository.DeviceGroupRepository;
import io.edgefleet.inventory.repository.DeviceRepository;
import io.edgefleet.inventory.repository.EarlyReportRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies provisioning's identity events: an enrolled device is linked to the device
 * pre-registered under its id or its hostname, or created; a revoked one is marked.
 */
@ApplicationScoped
public class EnrollmentLinker {

    private static final Logger LOG = Logger.getLogger(EnrollmentLinker.class);

    static final String ENROLLED = "provisioning:device.enrolled";
    static final String REVOKED = "provisioning:device.revoked";

    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final DeviceChanges changes;
    private final DeviceGroupRepository groups;
    private final GroupEvents groupEvents;
    private final EarlyReportRepository earlyReports;
    private final ClusterReports clusterReports;
    private final ObjectMapper json;

    public EnrollmentLinker(DeviceRepository devices, DeviceService deviceService, DeviceChanges changes,
                            DeviceGroupRepository groups, GroupEvents groupEvents, EarlyReportRepository earlyReports,
                            ClusterReports clusterReports, ObjectMapper json) {
        this.groupEvents = groupEvents;
        this.earlyReports = earlyReports;
        this.clusterReports = clusterReports;
        this.json = json;
        this.devices = devices;
        this.deviceService = deviceService;
        this.changes = changes;
        this.groups = groups;
    }

    /** Must run in a transaction (the inbox's). */
    public Device enrolled(String orgId, DeviceEnrolled event) {
        UUID identity = UUID.fromString(event.deviceId());
        Optional<Device> linked = devices.findByIdentity(identity);
        if (linked.isPresent()) {
            return linked.get();
        }
        DeviceFacts facts = event.facts();
        Device device = devices.findInOrg(orgId, identity)
                .or(() -> devices.findUnenrolledByName(orgId, facts.hostname()))
                .orElseGet(() -> deviceService.register(orgId, identity, new DeviceSpec(freeName(orgId, facts.hostname(),
                        identity), null, Map.of(), null, null, null, null, null, null, null), ENROLLED));
        Map<String, String> labels = new HashMap<>(device.labels);
        labels.putAll(event.labels() == null ? Map.of() : event.labels());
        changes.apply(device, ENROLLED, d -> {
            d.identityId = identity;
            d.lifecycle = Lifecycle.ENROLLED;
            d.enrolledAt = event.enrolledAt().atOffset(ZoneOffset.UTC);
            d.hostOs = facts.hostOs() != null ? facts.hostOs() : d.hostOs;
            d.hostOsVersion = facts.hostOsVersion() != null ? facts.hostOsVersion() : d.hostOsVersion;
            d.hardware = facts.hardware() != null ? facts.hardware() : d.hardware;
            d.agentVersion = facts.agentVersion();
            d.labels = labels;
        });
        if (event.group() != null) {
            groups.findByName(orgId, event.group()).ifPresent(g -> {
                groups.addMember(g.id, device.id);
                groupEvents.changed(g);
            });
        }
        earlyReports.take(orgId, identity).ifPresent(report -> applyEarly(device, report));
        return device;
    }

    /** The report the agent sent before this link; one breaking inventory's rules is dropped (it would be refused now too). */
    private void applyEarly(Device device, String report) {
        try {
            clusterReports.apply(device, json.readTree(report));
        } catch (FleetException | JsonProcessingException refused) {
            LOG.warnf("device %s: its early inventory report is refused: %s", device.id, refused.getMessage());
        }
    }

    public void revoked(UUID identity) {
        devices.findByIdentity(identity).ifPresent(d -> changes.connectivity(d, Connectivity.CREDENTIAL_EXPIRED, REVOKED));
    }

    /** The hostname, unless another device has it: then hostname plus the start of the identity. */
    private String freeName(String orgId, String hostname, UUID identity) {
        String name = hostname.toLowerCase();
        return devices.nameTaken(orgId, name) ? name + "-" + identity.toString().substring(0, 8) : name;
    }
}
