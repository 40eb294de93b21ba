package io.edgefleet.telemetry.query;

import static io.edgefleet.telemetry.TelemetryApi.sample;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.telemetry.TelemetryApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group and label-selector scopes (from the inventory projection, including a device whose
 * identity differs from its inventory id), the latest values and the fleet overview.
 */
@QuarkusTest
class ScopedQueryTest {

    private static final String CPU = "node_cpu_usage_ratio";

    private final TelemetryApi api = new TelemetryApi();
    private final String berlin1 = UUID.randomUUID().toString();
    private final String berlin1Identity = UUID.randomUUID().toString();
    private final String berlin2 = UUID.randomUUID().toString();
    private final String paris = UUID.randomUUID().toString();
    private final Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));

    @BeforeEach
    void fleetOfThreeReporting() {
        InventoryRecords.device(api.org(), berlin1, berlin1Identity, "berlin-1", Map.of("site", "berlin", "ring", "canary"));
        InventoryRecords.device(api.org(), berlin2, berlin2, "berlin-2", Map.of("site", "berlin"));
        InventoryRecords.device(api.org(), paris, paris, "paris-1", Map.of("site", "paris"));
        InventoryRecords.staticGroup(api.org(), UUID.randomUUID().toString(), "picked", List.of(berlin1, paris));
        InventoryRecords.dynamicGroup(api.org(), UUID.randomUUID().toString(), "canaries", "ring=canary");
        api.post(berlin1Identity, List.of(sample(CPU, minute, 0.9), sample("node_memory_usage_ratio", minute, 0.2)));
        api.post(berlin2, List.of(sample(CPU, minute, 0.5), sample("node_memory_usage_ratio", minute, 0.7)));
        api.post(paris, List.of(sample(CPU, minute, 0.1)));
        Awaitility.await("projection and samples stored").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> points(Map.of("group", "canaries"), "count").size() == 1
                        && points(Map.of("group", "picked"), "count").get(0).getInt("devices") == 2
                        && points(Map.of("labelSelector", "site in (berlin,paris)"), "count").get(0).getInt("devices") == 3);
    }

    @Test
    void labelSelectorAndGroupScopesAggregateTheirDevices() {
        JsonPath berlin = points(Map.of("labelSelector", "site=berlin"), "avg").get(0);
        assertEquals(0.7, berlin.getDouble("value"), 1e-9);
        assertEquals(2, berlin.getInt("devices"));

        JsonPath picked = points(Map.of("group", "picked"), "avg").get(0);
        assertEquals(0.5, picked.getDouble("value"), 1e-9, "the static group holds berlin-1 by its inventory id");
        assertEquals(2, picked.getInt("devices"));

        assertEquals(0.9, points(Map.of("group", "canaries"), "max").get(0).getDouble("value"), 1e-9);
        assertEquals(0.1, points(Map.of("device", paris), "min").get(0).getDouble("value"), 1e-9);
    }

    /** A viewer bound to site=berlin aggregates only Berlin's devices, whatever scope it asks for. */
    @Test
    void aScopedViewerSeesOnlyItsDevices() {
        InventoryRecords.roleBinding(api.org(), UUID.randomUUID().toString(), "user", "ella", "viewer", "site=berlin");
        Awaitility.await("binding projected").atMost(Duration.ofSeconds(30)).until(() -> api.user("ella")
                .queryParams(range()).queryParam("labelSelector", "site in (berlin,paris)").queryParam("agg", "count")
                .when().get("/api/v1/metrics/query").then().extract().statusCode() == 200);
        Integer devices = api.user("ella").queryParams(range()).queryParam("labelSelector", "site in (berlin,paris)")
                .queryParam("agg", "count").when().get("/api/v1/metrics/query").then().statusCode(200)
                .extract().path("points[0].devices");
        assertEquals(2, devices, "paris is outside ella's scope");
        api.user("ella").queryParam("device", paris).when().get("/api/v1/metrics/latest").then().statusCode(404);
        api.user("ella").queryParam("device", berlin2).when().get("/api/v1/metrics/latest").then().statusCode(200);
        api.user("ella").when().get("/api/v1/alert-rules").then().statusCode(403);
    }

    @Test
    void scopesMustBeOneAndKnown() {
        api.viewer().queryParams(range()).queryParam("group", "no-such-group").when().get("/api/v1/metrics/query")
                .then().statusCode(404).contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("GROUP_NOT_FOUND"));
        api.viewer().queryParams(range()).queryParam("group", "picked").queryParam("device", paris)
                .when().get("/api/v1/metrics/query").then().statusCode(400).body("detail", containsString("exactly one"));
        api.viewer().queryParams(range()).queryParam("labelSelector", "site in (berlin").when().get("/api/v1/metrics/query")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void latestValuesIgnoreLateSamplesAndFollowNewOnes() {
        api.post(berlin2, List.of(sample(CPU, minute.minusSeconds(30), 0.99)));
        api.post(berlin2, List.of(sample(CPU, minute.plusSeconds(30), 0.6)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latestCpu(berlin2) == 0.6);

        List<Map<String, Object>> values = api.viewer().queryParam("device", berlin2).when().get("/api/v1/metrics/latest")
                .then().statusCode(200).extract().path("values");
        assertEquals(List.of(CPU, "node_memory_usage_ratio"), values.stream().map(v -> v.get("metric")).toList());
        assertEquals(Map.of("node", "linux"), values.get(0).get("labels"));
        assertEquals(minute.plusSeconds(30), Instant.parse((String) values.get(0).get("at")), "the late 0.99 did not win");
    }

    @Test
    void overviewCountsReportingDevicesAndRanksTheBusiest() {
        JsonPath overview = api.viewer().queryParam("top", 2).when().get("/api/v1/metrics/overview")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, overview.getInt("devicesReporting"));
        assertEquals(List.of("berlin-1", "berlin-2"), overview.getList("top.cpu.name"));
        assertEquals(List.of(berlin1Identity, berlin2), overview.getList("top.cpu.deviceId"));
        assertEquals(List.of("berlin-2", "berlin-1"), overview.getList("top.memory.name"));

        JsonPath paris = api.viewer().queryParam("labelSelector", "site=paris").when().get("/api/v1/metrics/overview")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, paris.getInt("devicesReporting"));
        api.viewer().queryParam("top", 0).when().get("/api/v1/metrics/overview").then().statusCode(400);
    }

    private double latestCpu(String device) {
        List<Float> values = api.viewer().queryParam("device", device).queryParam("metric", CPU).when()
                .get("/api/v1/metrics/latest").then().statusCode(200).extract().path("values.value");
        return values.isEmpty() ? -1 : Math.round(values.get(0) * 100) / 100.0;
    }

    private List<JsonPath> points(Map<String, String> scope, String agg) {
        List<Map<String, Object>> points = api.viewer().queryParams(range()).queryParams(scope).queryParam("agg", agg)
                .when().get("/api/v1/metrics/query").then().statusCode(200).extract().path("points");
        return points.stream().map(p -> JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(p).toString())).toList();
    }

    private Map<String, String> range() {
        return Map.of("metric", CPU, "from", minute.toString(), "to", minute.plus(Duration.ofMinutes(1)).toString(), "step", "1m");
    }
}
