package io.edgefleet.inventory.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each edge constraint, broken on its own, is a 422 naming the field; nothing is stored. */
@QuarkusTest
class ConstraintsTest {

    static Stream<Arguments> brokenDevices() {
        return Stream.of(
                Arguments.of(Map.of("linuxNode", InventoryApi.allocation(17, 8192)), "linuxNode.vcpus"),
                Arguments.of(Map.of("linuxNode", InventoryApi.allocation(4, 2048)), "linuxNode.memoryMb"),
                Arguments.of(Map.of("linuxNode", InventoryApi.allocation(12, 8192), "windowsNode", InventoryApi.allocation(6, 4096)),
                        "linuxNode.vcpus"),
                Arguments.of(Map.of("hardware", Map.of("cpuCores", 4), "linuxNode", InventoryApi.allocation(8, 8192)),
                        "linuxNode.vcpus"),
                Arguments.of(Map.of("network", Map.of("staticIp", "300.1.1.1")), "network.staticIp"),
                Arguments.of(Map.of("network", Map.of("gateway", "gateway.local")), "network.gateway"),
                Arguments.of(Map.of("network", Map.of("vlanId", 5000)), "network.vlanId"),
                Arguments.of(Map.of("network", Map.of("serviceIpRange", "everything")), "network.serviceIpRange"),
                Arguments.of(Map.of("labels", Map.of("bad key!", "x")), "labels.bad key!"));
    }

    @ParameterizedTest
    @MethodSource("brokenDevices")
    void deviceConstraintViolationsAre422(Map<String, Object> broken, String field) {
        InventoryApi api = new InventoryApi();
        Map<String, Object> body = new java.util.HashMap<>(broken);
        body.put("name", "edge-broken");
        api.register(body).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("UNPROCESSABLE")).body("errors.field", hasItem(field));
        api.as("fleet-viewer").when().get("/api/v1/devices").then().body("items.size()", equalTo(0));
    }

    static Stream<Arguments> brokenClusters() {
        return Stream.of(
                Arguments.of(Map.of("distribution", "k8s", "cni", "flannel"), "cni"),
                Arguments.of(Map.of("distribution", "k3s", "cni", "calico"), "cni"),
                Arguments.of(Map.of("distribution", "k8s", "kubernetesVersion", "v1.30.4+k3s1"), "kubernetesVersion"),
                Arguments.of(Map.of("distribution", "k3s", "kubernetesVersion", "1.30"), "kubernetesVersion"),
                Arguments.of(Map.of("distribution", "k8s", "loadBalancer", "metallb"), "loadBalancer"),
                Arguments.of(Map.of("distribution", "k8s", "storageDrivers", List.of("ceph")), "storageDrivers"),
                Arguments.of(Map.of("distribution", "openshift"), "distribution"));
    }

    @ParameterizedTest
    @MethodSource("brokenClusters")
    void clusterConstraintViolationsAre422(Map<String, Object> broken, String field) {
        InventoryApi api = new InventoryApi();
        Map<String, Object> body = new java.util.HashMap<>(broken);
        body.put("name", "cluster-broken");
        api.operator().body(body).when().post("/api/v1/clusters").then().statusCode(422)
                .body("errors.field", hasItem(field));
    }

    @Test
    void aClusterNeverSwitchesDistributionAndHoldsAtMostMaxNodes() {
        InventoryApi api = new InventoryApi();
        String cluster = api.operator().body(Map.of("name", "small", "distribution", "k3s", "maxNodes", 2))
                .when().post("/api/v1/clusters").then().statusCode(201).body("cni", equalTo("flannel"))
                .body("loadBalancer", equalTo("kubevip")).extract().path("id");
        api.operator().body(Map.of("distribution", "k8s")).when().patch("/api/v1/clusters/" + cluster)
                .then().statusCode(422).body("errors.field", hasItem("distribution"));

        String twoNodes = api.register(Map.of("name", "edge-win", "linuxNode", InventoryApi.allocation(4, 8192),
                "windowsNode", InventoryApi.allocation(2, 4096))).then().statusCode(201).extract().path("id");
        String oneNode = api.device("edge-linux", Map.of());
        api.operator().when().put("/api/v1/clusters/" + cluster + "/machines/" + twoNodes).then().statusCode(200)
                .body("machines", hasItem(twoNodes));
        api.operator().when().put("/api/v1/clusters/" + cluster + "/machines/" + oneNode).then().statusCode(422);
    }
}
