package io.edgefleet.gitops;

import static io.restassured.RestAssured.given;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.DeviceTokenKeys;
import io.edgefleet.testsupport.TenantApi;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** This test's organization: its configurations, and machines as inventory publishes them and as their agents call. */
public class GitOpsApi extends TenantApi {

    /** A machine: inventory's id and provisioning's (its agent's). */
    public record Machine(String device, String identity) {
    }

    /** A configuration of a git source at https://git.example/fleet.git, one kustomization per path, for the target given as JSON. */
    public static String configuration(String name, String target, String... paths) {
        StringBuilder kustomizations = new StringBuilder();
        for (int i = 0; i < paths.length; i++) {
            kustomizations.append(i == 0 ? "" : ",").append("{\"name\":\"k").append(i).append("\",\"path\":\"").append(paths[i])
                    .append("\",\"substituteFromLabels\":{\"SITE\":\"site\"}}");
        }
        return "{\"name\":\"" + name + "\",\"source\":{\"kind\":\"git\",\"url\":\"https://git.example/fleet.git\","
                + "\"ref\":{\"branch\":\"main\"},\"credentials\":{\"username\":\"flux\",\"password\":\"s3cret-pa55\"}},"
                + "\"kustomizations\":[" + kustomizations + "],\"target\":" + target + "}";
    }

    /** A single-machine device, enrolled and connected, with these labels; waits until gitops-service projected it. */
    public Machine machine(Map<String, String> labels) {
        Machine machine = new Machine(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        InventoryRecords.device(org(), machine.device(), machine.identity(), "edge-" + machine.device().substring(0, 8), labels);
        awaitProjected(machine);
        return machine;
    }

    /** A single-machine device with operator labels and the labels its agent reports of itself. */
    public Machine machine(Map<String, String> labels, Map<String, String> reportedLabels) {
        Machine machine = new Machine(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        StringBuilder reported = new StringBuilder();
        reportedLabels.forEach((k, v) -> reported.append(reported.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        InventoryRecords.stateWithIdentity(org(), machine.device(), machine.identity(), "edge-" + machine.device().substring(0, 8),
                labels, 1, "\"reportedLabels\":{" + reported + "}");
        awaitProjected(machine);
        return machine;
    }

    /** A machine of a multi-machine cluster. */
    public Machine clusterMachine(String clusterId, String role) {
        Machine machine = new Machine(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        InventoryRecords.machine(org(), machine.device(), machine.identity(), "edge-" + machine.device().substring(0, 8), clusterId, role);
        awaitProjected(machine);
        return machine;
    }

    /** The machine's agent has reported the cluster it belongs to: inventory's next state of the device names it. */
    public void joins(Machine machine, Map<String, String> labels, String clusterId, String role) {
        InventoryRecords.stateWithIdentity(org(), machine.device(), machine.identity(), "edge-" + machine.device().substring(0, 8),
                labels, 2, "\"clusterId\":\"" + clusterId + "\",\"clusterRole\":\"" + role + "\"");
    }

    /** The machine's agent calling the device API. */
    public RequestSpecification agent(Machine machine) {
        return given().auth().oauth2(DeviceTokenKeys.deviceToken(machine.identity(), org())).contentType(ContentType.JSON);
    }

    private void awaitProjected(Machine machine) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                agent(machine).get("/api/v1/agent/configurations").statusCode() == 200);
    }
}
