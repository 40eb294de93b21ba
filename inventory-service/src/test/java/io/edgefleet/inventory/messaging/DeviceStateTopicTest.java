package io.edgefleet.inventory.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Projections can be rebuilt: every device's whole current state is on the compacted
 * fleet.inventory.devices, so a consumer that starts after retention removed the event history
 * still gets every device, and a deleted device's last record is a tombstone.
 */
@QuarkusTest
class DeviceStateTopicTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFreshConsumerGetsEveryDeviceAfterTheHistoryIsGone() {
        InventoryApi api = new InventoryApi();
        String relabelled = api.device("rebuild-relabelled", Map.of("ring", "a"));
        api.operator().body(Map.of("labels", Map.of("ring", "b"))).when().patch("/api/v1/devices/" + relabelled)
                .then().statusCode(200);
        String untouched = api.device("rebuild-untouched", Map.of());
        String deleted = api.device("rebuild-deleted", Map.of());
        api.operator().when().post("/api/v1/devices/" + deleted + "/decommission").then().statusCode(200);
        api.as("fleet-admin").when().delete("/api/v1/devices/" + deleted).then().statusCode(204);
        String version = api.viewer().when().get("/api/v1/devices/" + relabelled).then().extract().path("resourceVersion");
        // The tombstone is the last thing the outbox publishes for this test.
        KafkaTestClient.awaitRecords(Topics.INVENTORY_DEVICES, 1, WAIT, r -> deleted.equals(r.key()) && r.value() == null);

        KafkaTestClient.deleteAllRecords(Topics.INVENTORY_EVENTS);
        assertEquals(List.of(), KafkaTestClient.readToEnd(Topics.INVENTORY_EVENTS, WAIT).stream()
                .filter(r -> api.org().equals(KafkaTestClient.header(r, "ce_orgid"))).toList(), "the history is gone");

        Map<String, ConsumerRecord<String, String>> latest = new LinkedHashMap<>();
        KafkaTestClient.readToEnd(Topics.INVENTORY_DEVICES, WAIT).stream()
                .filter(r -> api.org().equals(KafkaTestClient.header(r, "ce_orgid")))
                .forEach(r -> latest.put(r.key(), r));
        assertEquals(Set.of(relabelled, untouched, deleted), latest.keySet());

        JsonNode state = EventAssertions.assertMatchesSchema(EventType.DEVICE_STATE, latest.get(relabelled).value());
        assertEquals("b", state.path("labels").path("ring").asText());
        assertEquals(version, state.path("resourceVersion").asText(), "the state is the device as stored");
        assertEquals("rebuild-untouched", EventAssertions.assertMatchesSchema(EventType.DEVICE_STATE,
                latest.get(untouched).value()).path("name").asText());
        assertNull(latest.get(deleted).value(), "a deleted device's last record is a tombstone");
        assertEquals(EventType.DEVICE_STATE.wireName(), KafkaTestClient.header(latest.get(deleted), "ce_type"));
        assertEquals(deleted, KafkaTestClient.header(latest.get(deleted), "ce_subject"));
    }
}
