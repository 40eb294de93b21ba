package io.edgefleet.update.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Devices as inventory publishes them (whole states on fleet.inventory.devices), for one organization. */
public final class Fleet {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A machine as the tests know it: inventory's id and provisioning's. */
    public record Machine(String device, String identity) {
    }

    private final String org;

    public Fleet(String org) {
        this.org = org;
    }

    public String org() {
        return org;
    }

    /** An enrolled single-machine k3s device at {@code version}. */
    public Machine k3s(String version, Map<String, String> labels) {
        return machine(Map.of("distribution", "k3s", "kubernetesVersion", version), labels);
    }

    /** An enrolled machine with these state fields (e.g. {@code clusterId}, {@code timeZone}) and labels. */
    public Machine machine(Map<String, Object> fields, Map<String, String> labels) {
        Machine machine = new Machine(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        publish(machine, fields, labels, 1);
        return machine;
    }

    /** A new state of {@code machine}. */
    public void publish(Machine machine, Map<String, Object> fields, Map<String, String> labels, long resourceVersion) {
        Map<String, Object> state = new HashMap<>(Map.of("deviceId", machine.device(), "identityId", machine.identity(),
                "name", "edge-" + machine.device().substring(0, 8), "labels", labels, "lifecycle", "enrolled",
                "connectivity", "connected", "resourceVersion", resourceVersion));
        state.putAll(fields);
        try {
            KafkaTestClient.publish(Topics.INVENTORY_DEVICES, machine.device(), JSON.writeValueAsString(state),
                    InventoryRecords.headers(EventType.DEVICE_STATE, org, machine.device()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until update-service has projected every one of {@code machines}. */
    public void awaitProjected(List<Machine> machines) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> machines.stream().allMatch(m ->
                given().auth().oauth2(TestTokens.forRole("fleet-viewer", org)).when()
                        .get("/api/v1/devices/{id}/available-updates", m.device()).statusCode() == 200));
    }
}
