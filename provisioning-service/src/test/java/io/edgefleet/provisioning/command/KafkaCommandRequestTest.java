package io.edgefleet.provisioning.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.provisioning.AgentClient;
import io.edgefleet.provisioning.Commands;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Other services and systems request commands on fleet.commands.requests. */
@QuarkusTest
class KafkaCommandRequestTest {

    @Test
    void commandRequestedOverKafkaIsDeliveredAndItsStatusPublished() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        try (AgentClient agent = AgentClient.connect(Commands.baseUrl(), device.accessToken())) {
            Commands.awaitSessionOpen(device.deviceId());
            String eventId = UUID.randomUUID().toString();
            publish(eventId, device.deviceId(), "{\"deviceId\":\"" + device.deviceId() + "\",\"type\":\"upgrade-kubernetes\","
                    + "\"payload\":{\"targetVersion\":\"v1.30.5+k3s1\"},\"requestedBy\":\"update-service\"}");
            publish(eventId, device.deviceId(), "{\"deviceId\":\"" + device.deviceId() + "\",\"type\":\"upgrade-kubernetes\","
                    + "\"payload\":{\"targetVersion\":\"v1.30.5+k3s1\"},\"requestedBy\":\"update-service\"}");

            JsonNode command = agent.next("command", Duration.ofSeconds(30)).path("command");
            assertEquals("upgrade-kubernetes", command.path("type").asText());
            String id = command.path("id").asText();
            agent.ack(id);
            agent.succeed(id);
            assertEquals(List.of("queued", "delivered", "acknowledged", "succeeded"),
                    Commands.publishedStatuses(device.deviceId(), id, 4));
            assertTrue(agent.drain("command", Duration.ofSeconds(2)).isEmpty(), "the redelivered request made a second command");
            // Hardening item 12: a request without an idempotency key is matched to its outcome by its event id.
            var statuses = KafkaTestClient.awaitRecords(Topics.COMMAND_STATUS, 4, Duration.ofSeconds(30),
                    r -> device.deviceId().equals(r.key()) && r.value().contains(id));
            assertTrue(statuses.stream().allMatch(r -> r.value().contains("\"correlationId\":\"" + eventId + "\"")),
                    "every status event carries the request's event id as correlationId");
        }
    }

    @Test
    void anImpossibleRequestIsDeadLetteredWithItsReason() {
        String unknownDevice = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), unknownDevice,
                "{\"deviceId\":\"" + unknownDevice + "\",\"type\":\"restart-agent\",\"payload\":{}}");
        var dead = KafkaTestClient.awaitRecords(Topics.deadLetterOf(Topics.COMMAND_REQUESTS, "provisioning-service"), 1, Duration.ofSeconds(60),
                r -> unknownDevice.equals(r.key())).get(0);
        assertEquals("DEVICE_NOT_FOUND", KafkaTestClient.header(dead, "dead-letter-code"));
        assertEquals("provisioning-service/command-requests", KafkaTestClient.header(dead, "dead-letter-consumer"));
    }

    @Test
    void aBurstWithAnImpossibleRequestInItCreatesEachCommandOnceAndDeadLettersOnlyThatOne() {
        List<TestDevice.Enrolled> devices = List.of(TestDevice.enrolledDevice(), TestDevice.enrolledDevice());
        String unknownDevice = UUID.randomUUID().toString();
        String burst = "burst-" + UUID.randomUUID();
        String repeated = UUID.randomUUID().toString();
        for (int i = 0; i < 40; i++) {
            String deviceId = devices.get(i % 2).deviceId();
            String eventId = i == 21 ? repeated : UUID.randomUUID().toString();
            if (i == 20) {
                publish(UUID.randomUUID().toString(), unknownDevice,
                        "{\"deviceId\":\"" + unknownDevice + "\",\"type\":\"restart-agent\",\"payload\":{}}");
            }
            String request = "{\"deviceId\":\"" + deviceId + "\",\"type\":\"collect-diagnostics\",\"payload\":{},"
                    + "\"idempotencyKey\":\"" + burst + "/" + i + "\"}";
            publish(eventId, deviceId, request);
            if (i == 21) {
                publish(eventId, deviceId, request); // redelivered within the burst
            }
            if (i == 22) {
                publish(UUID.randomUUID().toString(), deviceId, request); // sent twice, the key names it once
            }
        }
        var dead = KafkaTestClient.awaitRecords(Topics.deadLetterOf(Topics.COMMAND_REQUESTS, "provisioning-service"), 1,
                Duration.ofSeconds(60), r -> unknownDevice.equals(r.key())).get(0);
        assertEquals("DEVICE_NOT_FOUND", KafkaTestClient.header(dead, "dead-letter-code"));
        var queued = KafkaTestClient.awaitRecords(Topics.COMMAND_STATUS, 40, Duration.ofSeconds(60),
                r -> r.value().contains("\"correlationId\":\"" + burst + "/") && r.value().contains("\"status\":\"queued\""));
        var all = KafkaTestClient.readToEnd(Topics.COMMAND_STATUS, Duration.ofSeconds(10)).stream()
                .filter(r -> r.value().contains("\"correlationId\":\"" + burst + "/") && r.value().contains("\"status\":\"queued\""))
                .map(r -> r.value().replaceAll(".*\"correlationId\":\"([^\"]+)\".*", "$1")).toList();
        assertEquals(40, queued.size());
        assertEquals(40, all.size(), "every request of the burst became exactly one command");
        assertEquals(40, all.stream().distinct().count());
    }

    private static void publish(String eventId, String deviceId, String data) {
        KafkaTestClient.publish(Topics.COMMAND_REQUESTS, deviceId, data, Map.of("ce_specversion", "1.0",
                "ce_id", eventId, "ce_source", "/test/update-service", "ce_type", EventType.COMMAND_REQUESTED.wireName(),
                "ce_subject", deviceId, "ce_orgid", "default", "content-type", "application/json"));
    }
}
