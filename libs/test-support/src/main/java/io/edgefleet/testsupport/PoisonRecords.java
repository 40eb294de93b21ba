package io.edgefleet.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * The records no consumer may choke on, sent to a consumed topic before two good ones: each
 * must reach the consumer's dead-letter topic {@code <topic>.<service>.dlq} with a code and a
 * reason, both good records must be applied, and liveness and readiness must stay UP.
 */
public final class PoisonRecords {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** A record as another system would publish it. */
    public record Good(String key, String value, Map<String, String> headers) {
    }

    private record Bad(byte[] value, Map<String, String> headers) {
    }

    private PoisonRecords() {
    }

    /** Binary-mode CloudEvent headers of a well-formed event of {@code type} for {@code org}. */
    public static Map<String, String> headers(String type, String org, String subject) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/test/poison", "ce_type", type, "ce_time", "2026-12-01T10:00:00Z",
                "content-type", "application/json"));
        if (org != null) {
            headers.put("ce_orgid", org);
        }
        if (subject != null) {
            headers.put("ce_subject", subject);
        }
        return headers;
    }

    /**
     * Sends every bad record, then {@code first} and {@code second}; asserts all of the above.
     *
     * @param goodDataOfType valid data of {@code type}: used where only the envelope is broken
     * @param applied true once both good records took effect
     */
    public static void assertConsumerSurvives(String topic, String service, String type, String org, String goodDataOfType,
                                              Good first, Good second, BooleanSupplier applied) {
        Map<String, Bad> bad = badRecords(type, org, goodDataOfType);
        bad.forEach((key, record) -> KafkaTestClient.publish(topic, key, record.value(), record.headers()));
        KafkaTestClient.publish(topic, first.key(), first.value(), first.headers());
        KafkaTestClient.publish(topic, second.key(), second.value(), second.headers());

        Awaitility.await().atMost(WAIT).until(applied::getAsBoolean);
        // Two consumers of one service may read the topic (and share its dead-letter topic): count each key once.
        Set<String> seen = new java.util.HashSet<>();
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.awaitRecords(Topics.deadLetterOf(topic, service),
                bad.size(), WAIT, r -> bad.containsKey(r.key()) && seen.add(r.key()));
        Set<String> deadKeys = dead.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertTrue(deadKeys.containsAll(bad.keySet()), "not dead-lettered: " + missing(bad.keySet(), deadKeys));
        for (ConsumerRecord<String, String> record : dead) {
            String code = KafkaTestClient.header(record, "dead-letter-code");
            String reason = KafkaTestClient.header(record, "dead-letter-reason");
            assertTrue(code != null && code.matches("[A-Z_]+"), "stable code for " + record.key() + ": " + code);
            assertFalse(reason == null || reason.isBlank(), "reason for " + record.key());
            assertTrue(KafkaTestClient.header(record, "dead-letter-consumer").startsWith(service + "/"));
        }
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static Map<String, Bad> badRecords(String type, String org, String goodData) {
        Map<String, Bad> bad = new LinkedHashMap<>();
        add(bad, "time-yesterday", goodData, with(type, org, "ce_time", "yesterday"));
        add(bad, "time-without-seconds", goodData, with(type, org, "ce_time", "2026-12-01T21:41Z"));
        add(bad, "no-id", goodData, without(type, org, "ce_id"));
        add(bad, "no-source", goodData, without(type, org, "ce_source"));
        add(bad, "no-type", goodData, without(type, org, "ce_type"));
        add(bad, "id-with-control-chars", goodData, with(type, org, "ce_id", "a\u0001b"));
        add(bad, "id-too-long", goodData, with(type, org, "ce_id", "i".repeat(1_000)));
        add(bad, "specversion-2", goodData, with(type, org, "ce_specversion", "2.0"));
        add(bad, "text-content-type", goodData, with(type, org, "content-type", "text/plain"));
        add(bad, "not-json", "{this is not json", headers(type, org, null));
        add(bad, "json-with-trailing-garbage", goodData + " garbage", headers(type, org, null));
        add(bad, "data-not-an-object", "[1,2,3]", headers(type, org, null));
        add(bad, "no-headers-not-structured", "{\"hello\":1}", Map.of());
        add(bad, "structured-base64", "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"" + type
                + "\",\"data_base64\":\"e30=\"}", Map.of());
        add(bad, "near-size-limit", "{\"padding\":\"" + "p".repeat(900_000) + "\"}", headers(type, org, null));
        bad.put(key("null-value"), new Bad(null, headers(type, org, null)));
        byte[] invalidUtf8 = goodData.replaceFirst("\"", "\"\u0000").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == 0) {
                invalidUtf8[i] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
            }
        }
        bad.put(key("invalid-utf8"), new Bad(invalidUtf8, headers(type, org, null)));
        return bad;
    }

    private static void add(Map<String, Bad> bad, String name, String value, Map<String, String> headers) {
        bad.put(key(name), new Bad(value.getBytes(StandardCharsets.UTF_8), headers));
    }

    private static String key(String name) {
        return "poison-" + name + "-" + UUID.randomUUID();
    }

    private static Map<String, String> with(String type, String org, String header, String value) {
        Map<String, String> headers = headers(type, org, null);
        headers.put(header, value);
        return headers;
    }

    private static Map<String, String> without(String type, String org, String header) {
        Map<String, String> headers = headers(type, org, null);
        headers.remove(header);
        return headers;
    }

    private static Set<String> missing(Set<String> expected, Set<String> seen) {
        return expected.stream().filter(k -> !seen.contains(k)).collect(Collectors.toSet());
    }
}
