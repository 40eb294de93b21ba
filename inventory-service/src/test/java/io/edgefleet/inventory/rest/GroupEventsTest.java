package io.edgefleet.inventory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every group change publishes the group's whole state, in order, keyed by the group id. */
@QuarkusTest
class GroupEventsTest {

    @Test
    void staticGroupChangesArePublishedWithTheirMembers() {
        InventoryApi api = new InventoryApi();
        String a = api.device("grp-a", Map.of());
        String b = api.device("grp-b", Map.of());
        String group = api.operator().body(Map.of("name", "site-7", "kind", "static", "members", List.of(a)))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        // Relation edits answer alike (cluster machines too): 200 with the resource they changed.
        api.operator().when().put("/api/v1/groups/" + group + "/members/" + b).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(group)).body("name", org.hamcrest.Matchers.equalTo("site-7"));
        api.operator().when().delete("/api/v1/groups/" + group + "/members/" + a).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(group));
        api.operator().when().delete("/api/v1/groups/" + group).then().statusCode(204);

        List<JsonNode> states = awaitGroupEvents(group, 4);
        assertEquals(List.of(List.of(a), java.util.stream.Stream.of(a, b).sorted().toList(), List.of(b), List.of()), states.stream().map(GroupEventsTest::members).toList());
        assertEquals(List.of(false, false, false, true), states.stream().map(s -> s.path("deleted").asBoolean()).toList());
        assertEquals("static", states.get(0).path("kind").asText());
        assertEquals("site-7", states.get(0).path("name").asText());
    }

    @Test
    void groupDevicesCanBeNarrowedByLabelsButGroupsCannot() {
        InventoryApi api = new InventoryApi();
        String canary = api.device("lbl-canary", Map.of("ring", "canary"));
        String stable = api.device("lbl-stable", Map.of("ring", "stable"));
        String group = api.operator().body(Map.of("name", "both", "kind", "static", "members", List.of(canary, stable)))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");

        assertEquals(List.of(canary), api.as("fleet-viewer").queryParam("labelSelector", "ring=canary")
                .when().get("/api/v1/groups/" + group + "/devices").then().statusCode(200).extract().path("items.id"));
        api.as("fleet-viewer").queryParam("labelSelector", "ring=canary").when().get("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void dynamicGroupIsPublishedWithItsSelector() {
        InventoryApi api = new InventoryApi();
        String group = api.operator().body(Map.of("name", "canaries", "kind", "dynamic", "labelSelector", "ring in (canary)"))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");

        JsonNode state = awaitGroupEvents(group, 1).get(0);
        assertEquals("dynamic", state.path("kind").asText());
        assertEquals("ring in (canary)", state.path("selector").asText());
        assertEquals(0, state.path("members").size());
    }

    private static List<JsonNode> awaitGroupEvents(String group, int count) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(EventType.GROUP_CHANGED.topic(), count,
                Duration.ofSeconds(60), r -> group.equals(r.key())
                        && EventType.GROUP_CHANGED.wireName().equals(KafkaTestClient.header(r, "ce_type")));
        return records.stream().map(r -> EventAssertions.assertMatchesSchema(EventType.GROUP_CHANGED, r.value())).toList();
    }

    private static List<String> members(JsonNode state) {
        List<String> ids = new java.util.ArrayList<>();
        state.path("members").forEach(m -> ids.add(m.asText()));
        return ids.stream().sorted().toList();
    }
}
