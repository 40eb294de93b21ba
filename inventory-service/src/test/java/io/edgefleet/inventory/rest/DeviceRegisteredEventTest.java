package io.edgefleet.inventory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.EventAssertions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Registering a device publishes DeviceRegistered through the outbox, as a valid CloudEvent. */
@QuarkusTest
class DeviceRegisteredEventTest {

    @Test
    void registrationPublishesAValidCloudEventKeyedByDeviceId() {
        String id = DeviceResourceTest.register("evt-" + UUID.randomUUID().toString().substring(0, 8), "{\"env\":\"prod\"}");

        ConsumerRecord<String, String> record = awaitEventFor(id, Duration.ofSeconds(30));
        assertEquals(id, record.key());
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertEquals(EventType.DEVICE_REGISTERED.wireName(), KafkaTestClient.header(record, "ce_type"));
        assertEquals("/edgefleet/inventory-service", KafkaTestClient.header(record, "ce_source"));
        assertEquals(id, KafkaTestClient.header(record, "ce_subject"));
        assertEquals("default", KafkaTestClient.header(record, "ce_orgid"));
        UUID.fromString(KafkaTestClient.header(record, "ce_id"));

        var data = EventAssertions.assertMatchesSchema(EventType.DEVICE_REGISTERED, record.value());
        assertEquals("prod", data.path("labels").path("env").asText());
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItReturns() {
        EdgeFleetInfra.kafka().stop();
        String id;
        try {
            id = DeviceResourceTest.register("outage-" + UUID.randomUUID().toString().substring(0, 8), "{}");
            // Hardening item 10: the outbox rides out the outage, so the service stays in rotation.
            io.restassured.RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            EdgeFleetInfra.kafka().start();
        }
        List<ConsumerRecord<String, String>> records = KafkaTestClient.awaitRecords(Topics.INVENTORY_EVENTS, 1,
                Duration.ofSeconds(90), r -> id.equals(r.key()));
        assertTrue(records.size() >= 1);
    }

    private static ConsumerRecord<String, String> awaitEventFor(String deviceId, Duration timeout) {
        return KafkaTestClient.awaitRecords(Topics.INVENTORY_EVENTS, 1, timeout, r -> deviceId.equals(r.key())).get(0);
    }
}
