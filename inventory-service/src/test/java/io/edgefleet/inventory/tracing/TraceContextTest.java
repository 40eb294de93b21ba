package io.edgefleet.inventory.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.CloudEventAttributes;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.testsupport.KafkaTestClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The trace context of a request reaches Kafka through the outbox (ce_traceparent), and a
 * record's trace context becomes the parent of its consumer's span, whose own events carry the
 * trace on: one trace across REST, the outbox, Kafka and the next consumer.
 */
@QuarkusTest
@TestProfile(TraceContextTest.Sampled.class)
class TraceContextTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Every trace sampled, exported to {@link InMemorySpans} only. */
    public static class Sampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.traces.sampler.arg", "1.0", "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRequestsTraceIsOnTheEventsItsChangeRecorded() {
        InventoryApi api = new InventoryApi();
        String traceId = randomHex(16);
        String id = api.operator().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body(Map.of("name", "traced-" + traceId.substring(0, 8))).when().post("/api/v1/devices")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> registered = KafkaTestClient.awaitRecords(Topics.INVENTORY_EVENTS, 1, WAIT,
                r -> id.equals(r.key())).get(0);
        String traceparent = KafkaTestClient.header(registered, CloudEventAttributes.TRACE_PARENT);
        assertEquals(traceId, traceparent.split("-")[1], "the event continues the request's trace");
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertEquals(server.getSpanId(), traceparent.split("-")[2], "the event's parent is the request's span");
        assertEquals(traceId, KafkaTestClient.header(KafkaTestClient.awaitRecords(Topics.INVENTORY_DEVICES, 1, WAIT,
                r -> id.equals(r.key())).get(0), CloudEventAttributes.TRACE_PARENT).split("-")[1]);
    }

    @Test
    void aRecordsTraceIsTheParentOfItsConsumerSpanAndOfWhatThatRecords() {
        InventoryApi api = new InventoryApi();
        String traceId = randomHex(16);
        String parentSpan = randomHex(8);
        String identity = UUID.randomUUID().toString();
        KafkaTestClient.publish(Topics.PROVISIONING_EVENTS, identity, enrolled(identity), Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_source", "/test", "ce_type", EventType.DEVICE_ENROLLED.wireName(),
                "ce_subject", identity, "ce_orgid", api.org(), "content-type", "application/json",
                CloudEventAttributes.TRACE_PARENT, "00-" + traceId + "-" + parentSpan + "-01"));

        SpanData consumed = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId));
        assertEquals(parentSpan, consumed.getParentSpanId());
        assertEquals(Topics.PROVISIONING_EVENTS + " process", consumed.getName());
        ConsumerRecord<String, String> state = KafkaTestClient.awaitRecords(Topics.INVENTORY_DEVICES, 1, WAIT,
                r -> identity.equals(KafkaTestClient.header(r, CloudEventAttributes.SUBJECT))
                        || r.value() != null && r.value().contains(identity)).get(0);
        String traceparent = KafkaTestClient.header(state, CloudEventAttributes.TRACE_PARENT);
        assertEquals(traceId, traceparent.split("-")[1]);
        assertEquals(consumed.getSpanId(), traceparent.split("-")[2], "recorded inside the consumer's span");
    }

    @Test
    void aMalformedTraceparentStartsANewTraceAndTheRecordIsStillApplied() {
        InventoryApi api = new InventoryApi();
        String identity = UUID.randomUUID().toString();
        KafkaTestClient.publish(Topics.PROVISIONING_EVENTS, identity, enrolled(identity), Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_source", "/test", "ce_type", EventType.DEVICE_ENROLLED.wireName(),
                "ce_subject", identity, "ce_orgid", api.org(), "content-type", "application/json",
                CloudEventAttributes.TRACE_PARENT, "not-a-trace"));
        Awaitility.await().atMost(WAIT).until(() -> api.viewer().when().get("/api/v1/devices/" + identity)
                .then().extract().statusCode() == 200);
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> match) {
        Awaitility.await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream().anyMatch(match));
        Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(match).findFirst();
        assertTrue(found.isPresent());
        return found.get();
    }

    private static String enrolled(String identity) {
        return "{\"deviceId\":\"" + identity + "\",\"enrollmentId\":\"" + UUID.randomUUID() + "\",\"facts\":{\"hostname\":\"traced-"
                + identity.substring(0, 8) + "\",\"hostOs\":\"Windows 11 IoT Enterprise\"},\"labels\":{},"
                + "\"enrolledAt\":\"2026-11-29T10:00:00Z\"}";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
