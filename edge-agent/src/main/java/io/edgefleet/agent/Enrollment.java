package io.edgefleet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.agent.connection.ProvisioningClient;
import io.edgefleet.agent.identity.DeviceKeys;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.events.provisioning.DeviceFacts;

/**
 * The agent's identity: generates its key pair and enrolls once (the enrollment token is spent
 * then), and from then on trades signed assertions for short-lived access tokens.
 */
final class Enrollment {

    private final AgentConfig config;
    private final StateStore state;
    private final ClusterAccess cluster;
    private final ProvisioningClient provisioning;
    private final AgentJournal journal;

    Enrollment(AgentConfig config, StateStore state, ClusterAccess cluster, ProvisioningClient provisioning,
               AgentJournal journal) {
        this.config = config;
        this.state = state;
        this.cluster = cluster;
        this.provisioning = provisioning;
        this.journal = journal;
    }

    String deviceId() {
        return state.deviceId().orElse(null);
    }

    String enrollmentId() {
        return state.enrollmentId().orElse(null);
    }

    private volatile String token;
    private volatile java.time.Instant tokenExpires = java.time.Instant.MIN;

    /** A valid access token (reused until a minute before it expires), enrolling first if this device never did. */
    synchronized String accessToken() {
        if (token != null && java.time.Instant.now().isBefore(tokenExpires.minusSeconds(60))) {
            return token;
        }
        JsonNode issued = freshToken();
        token = issued.path("accessToken").asText();
        tokenExpires = java.time.Instant.parse(issued.path("expiresAt").asText());
        return token;
    }

    /** Forgets the cached token (the server refused it). */
    synchronized void forgetToken() {
        token = null;
    }

    private JsonNode freshToken() {
        DeviceKeys keys = state.keys().orElseGet(() -> {
            DeviceKeys generated = DeviceKeys.generate();
            state.saveKeys(generated);
            return generated;
        });
        if (state.deviceId().isEmpty() && state.enrollmentId().isEmpty()) {
            enroll(keys);
        }
        String subject = state.deviceId().orElseGet(() -> state.enrollmentId().orElseThrow());
        JsonNode issued = provisioning.token(keys.assertion(subject));
        if (state.deviceId().isEmpty()) {
            state.saveDeviceId(issued.path("deviceId").asText());
            journal.step("approved", "enrollment", enrollmentId(), "device", deviceId());
        }
        return issued;
    }

    private void enroll(DeviceKeys keys) {
        if (config.enrollmentToken() == null) {
            throw new ProvisioningClient.ProvisioningException(400, "NO_ENROLLMENT_TOKEN",
                    "this device has no identity yet and no enrollment token was given");
        }
        journal.phase(AgentJournal.Phase.ENROLLING, "gateway", provisioning.gateways().current().toString());
        journal.step("enrolling", "gateway", provisioning.gateways().current(), "host", config.host().hostname());
        JsonNode enrollment = provisioning.enroll(config.enrollmentToken(), keys.publicKeyPem(), facts());
        state.saveEnrollmentId(enrollment.path("id").asText());
        journal.step("enrolled", "enrollment", enrollment.path("id").asText(), "status", enrollment.path("status").asText());
        if (enrollment.hasNonNull("deviceId")) {
            state.saveDeviceId(enrollment.path("deviceId").asText());
            journal.step("approved", "enrollment", enrollmentId(), "device", deviceId());
        }
    }

    private DeviceFacts facts() {
        DeviceFacts host = config.host();
        ClusterInventory inventory = cluster.inventory();
        return new DeviceFacts(host.hostname(), host.hostOs(), host.hostOsVersion(), host.hardware(),
                new DeviceFacts.KubernetesFacts(inventory.cluster().distribution(), inventory.cluster().kubernetesVersion()),
                inventory.nodes().stream().map(n -> new DeviceFacts.NodeFacts(n.name(), n.role(), n.os())).toList(),
                config.agentVersion());
    }
}
