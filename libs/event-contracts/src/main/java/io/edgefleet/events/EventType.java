package io.edgefleet.events;

import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.events.agent.AgentReport;
import io.edgefleet.events.audit.AuditRecorded;
import io.edgefleet.events.commands.CommandRequested;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.events.gitops.GitOpsComplianceChanged;
import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceConnectivityChanged;
import io.edgefleet.events.inventory.DeviceDecommissioned;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.DeviceUpdated;
import io.edgefleet.events.inventory.ExternalDeviceUpserted;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.events.inventory.RoleBindingChanged;
import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.events.policy.DenyRule;
import io.edgefleet.events.provisioning.CredentialRotated;
import io.edgefleet.events.provisioning.DeviceEnrolled;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.events.provisioning.EnrollmentApproved;
import io.edgefleet.events.provisioning.EnrollmentRejected;
import io.edgefleet.events.provisioning.EnrollmentRequested;
import io.edgefleet.events.telemetry.AlertNotification;
import io.edgefleet.events.telemetry.TelemetryBatch;
import io.edgefleet.events.updates.RolloutChanged;
import io.edgefleet.events.updates.RolloutDeviceResult;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvent type EdgeFleet publishes, with its wire name, the topic it travels on and
 * the data record it carries. The JSON Schema of each lives at {@code schemas/<wireName>.json}.
 */
public enum EventType {

    DEVICE_REGISTERED("edgefleet.inventory.device.registered.v1", Topics.INVENTORY_EVENTS, DeviceRegistered.class),
    DEVICE_UPDATED("edgefleet.inventory.device.updated.v1", Topics.INVENTORY_EVENTS, DeviceUpdated.class),
    DEVICE_CONNECTIVITY_CHANGED("edgefleet.inventory.device.connectivity-changed.v1", Topics.INVENTORY_EVENTS,
            DeviceConnectivityChanged.class),
    DEVICE_DECOMMISSIONED("edgefleet.inventory.device.decommissioned.v1", Topics.INVENTORY_EVENTS,
            DeviceDecommissioned.class),
    /** On the compacted {@link Topics#INVENTORY_DEVICES}; a deleted device's last record is a tombstone of this type. */
    DEVICE_STATE("edgefleet.inventory.device.state.v1", Topics.INVENTORY_DEVICES, DeviceState.class),
    CLUSTER_INVENTORY_CHANGED("edgefleet.inventory.cluster.changed.v1", Topics.INVENTORY_EVENTS,
            ClusterInventoryChanged.class),
    GROUP_CHANGED("edgefleet.inventory.group.changed.v1", Topics.INVENTORY_EVENTS, GroupChanged.class),
    ROLE_BINDING_CHANGED("edgefleet.inventory.role-binding.changed.v1", Topics.INVENTORY_EVENTS, RoleBindingChanged.class),
    EXTERNAL_DEVICE_UPSERTED("edgefleet.external.device.upserted.v1", Topics.EXTERNAL_DEVICES,
            ExternalDeviceUpserted.class),

    ENROLLMENT_REQUESTED("edgefleet.provisioning.enrollment.requested.v1", Topics.PROVISIONING_EVENTS,
            EnrollmentRequested.class),
    ENROLLMENT_APPROVED("edgefleet.provisioning.enrollment.approved.v1", Topics.PROVISIONING_EVENTS,
            EnrollmentApproved.class),
    ENROLLMENT_REJECTED("edgefleet.provisioning.enrollment.rejected.v1", Topics.PROVISIONING_EVENTS,
            EnrollmentRejected.class),
    DEVICE_ENROLLED("edgefleet.provisioning.device.enrolled.v1", Topics.PROVISIONING_EVENTS, DeviceEnrolled.class),
    CREDENTIAL_ROTATED("edgefleet.provisioning.credential.rotated.v1", Topics.PROVISIONING_EVENTS,
            CredentialRotated.class),
    DEVICE_REVOKED("edgefleet.provisioning.device.revoked.v1", Topics.PROVISIONING_EVENTS, DeviceRevoked.class),

    COMMAND_REQUESTED("edgefleet.commands.requested.v1", Topics.COMMAND_REQUESTS, CommandRequested.class),
    COMMAND_STATUS_CHANGED("edgefleet.commands.status.changed.v1", Topics.COMMAND_STATUS, CommandStatusChanged.class),

    AGENT_HEARTBEAT("edgefleet.agent.heartbeat.v1", Topics.AGENT_REPORTS, AgentHeartbeat.class),
    AGENT_REPORT("edgefleet.agent.report.v1", Topics.AGENT_REPORTS, AgentReport.class),

    TELEMETRY_BATCH("edgefleet.telemetry.samples.v1", Topics.TELEMETRY_SAMPLES, TelemetryBatch.class),
    ALERT_FIRING("edgefleet.telemetry.alert.firing.v1", Topics.TELEMETRY_ALERTS, AlertNotification.class),
    ALERT_RESOLVED("edgefleet.telemetry.alert.resolved.v1", Topics.TELEMETRY_ALERTS, AlertNotification.class),
    ALERT_ACKNOWLEDGED("edgefleet.telemetry.alert.acknowledged.v1", Topics.TELEMETRY_ALERTS, AlertNotification.class),

    COMPLIANCE_CHANGED("edgefleet.policy.compliance.changed.v1", Topics.POLICY_COMPLIANCE, ComplianceChanged.class),
    /** On the compacted {@link Topics#POLICY_RULES}; an ended assignment's last record is a tombstone of this type. */
    DENY_RULE("edgefleet.policy.deny-rule.v1", Topics.POLICY_RULES, DenyRule.class),

    ROLLOUT_CHANGED("edgefleet.updates.rollout.changed.v1", Topics.UPDATE_EVENTS, RolloutChanged.class),
    ROLLOUT_DEVICE_RESULT("edgefleet.updates.device.result.v1", Topics.UPDATE_EVENTS, RolloutDeviceResult.class),

    GITOPS_COMPLIANCE_CHANGED("edgefleet.gitops.compliance.changed.v1", Topics.GITOPS_STATUS, GitOpsComplianceChanged.class),

    /** Published by every service (libs/audit), in the transaction of the change it records. */
    AUDIT_RECORDED("edgefleet.audit.recorded.v1", Topics.AUDIT_EVENTS, AuditRecorded.class);

    /** {@link #producer()} of a type every service publishes. */
    public static final String EVERY_SERVICE = "every-service";

    private final String wireName;
    private final String topic;
    private final Class<?> dataType;

    EventType(String wireName, String topic, Class<?> dataType) {
        this.wireName = wireName;
        this.topic = topic;
        this.dataType = dataType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<?> dataType() {
        return dataType;
    }

    /**
     * The service that publishes this type ({@code quarkus.application.name}), or {@code external}
     * for what other systems publish to us, or {@link #EVERY_SERVICE}. Its AsyncAPI document lists
     * what it sends.
     */
    public String producer() {
        return switch (this) {
            case DEVICE_REGISTERED, DEVICE_UPDATED, DEVICE_CONNECTIVITY_CHANGED, DEVICE_DECOMMISSIONED, DEVICE_STATE,
                 CLUSTER_INVENTORY_CHANGED, GROUP_CHANGED, ROLE_BINDING_CHANGED -> "inventory-service";
            case EXTERNAL_DEVICE_UPSERTED -> "external";
            case ENROLLMENT_REQUESTED, ENROLLMENT_APPROVED, ENROLLMENT_REJECTED, DEVICE_ENROLLED, CREDENTIAL_ROTATED,
                 DEVICE_REVOKED, COMMAND_REQUESTED, COMMAND_STATUS_CHANGED, AGENT_HEARTBEAT, AGENT_REPORT -> "provisioning-service";
            case TELEMETRY_BATCH, ALERT_FIRING, ALERT_RESOLVED, ALERT_ACKNOWLEDGED -> "telemetry-service";
            case COMPLIANCE_CHANGED, DENY_RULE -> "policy-service";
            case ROLLOUT_CHANGED, ROLLOUT_DEVICE_RESULT -> "update-service";
            case GITOPS_COMPLIANCE_CHANGED -> "gitops-service";
            case AUDIT_RECORDED -> EVERY_SERVICE;
        };
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + wireName + ".json";
    }

    /** The {@code $id} of this type's JSON Schema, carried as the {@code dataschema} attribute. */
    public String schemaId() {
        return "https://edgefleet.io/schemas/" + wireName + ".json";
    }

    /** Tolerant lookup: an unknown type is not an error for a reader, it is skipped. */
    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
