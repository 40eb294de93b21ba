package io.edgefleet.provisioning.command;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Many commands in one call: all or none, each idempotent on its own key, bounded. */
@QuarkusTest
class CommandBatchTest {

    @Test
    void aBatchQueuesACommandPerItemAndARetryReturnsTheSameCommands() {
        List<String> devices = List.of(TestDevice.enrolledDevice().deviceId(), TestDevice.enrolledDevice().deviceId());
        String run = UUID.randomUUID().toString();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(Map.of("deviceId", devices.get(i % 2), "type", "collect-diagnostics", "payload", Map.of(),
                    "idempotencyKey", run + "/" + i));
        }
        JsonPath first = post(items).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true, true, true, true, true, true), first.getList("items.created"));
        assertEquals(List.of("queued", "queued", "queued", "queued", "queued", "queued"), first.getList("items.command.status"));
        assertEquals(devices.get(1), first.getString("items[3].command.deviceId"));
        JsonPath again = post(items).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(false, false, false, false, false, false), again.getList("items.created"));
        assertEquals(first.getList("items.command.id"), again.getList("items.command.id"));
        assertEquals(3, commandsOf(devices.get(0)));
    }

    @Test
    void oneRefusedItemRefusesTheBatchNamingItsIndexAndStoresNothing() {
        String device = TestDevice.enrolledDevice().deviceId();
        List<Map<String, Object>> items = List.of(
                Map.of("deviceId", device, "type", "collect-diagnostics", "payload", Map.of()),
                Map.of("deviceId", device, "type", "upgrade-kubernetes", "payload", Map.of("targetVersion", "latest")));
        post(items).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_COMMAND_PAYLOAD")).body("detail", startsWith("items[1]: "))
                .body("errors[0].field", equalTo("items[1].payload.targetVersion"));
        List<Map<String, Object>> unknown = List.of(Map.of("deviceId", device, "type", "restart-agent", "payload", Map.of()),
                Map.of("deviceId", UUID.randomUUID().toString(), "type", "restart-agent", "payload", Map.of()));
        post(unknown).then().statusCode(404).body("code", equalTo("DEVICE_NOT_FOUND"));
        assertEquals(0, commandsOf(device), "nothing of a refused batch is stored");
    }

    @Test
    void batchesAreBoundedAndNeedAnOperator() {
        post(List.of()).then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> item = Map.of("deviceId", UUID.randomUUID().toString(), "type", "restart-agent", "payload", Map.of());
        post(java.util.Collections.nCopies(1_001, item)).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("items", List.of(item)))
                .when().post("/api/v1/commands/batch").then().statusCode(403);
    }

    private static Response post(List<Map<String, Object>> items) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/api/v1/commands/batch");
    }

    private static int commandsOf(String device) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/devices/" + device + "/commands")
                .then().statusCode(200).extract().path("items.size()");
    }
}
