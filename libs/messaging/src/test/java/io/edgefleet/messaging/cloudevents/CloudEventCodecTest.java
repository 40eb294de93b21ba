package io.edgefleet.messaging.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.CloudEventAttributes;
import io.edgefleet.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper());

    @Test
    void binaryModeRoundTrips() {
        CloudEvent event = new CloudEvent("e1", "/edgefleet/test", "edgefleet.test.v1", "device-1",
                OffsetDateTime.parse("2026-11-29T10:00:00Z"), "acme", "{\"a\":1}");
        ProducerRecord<String, byte[]> out = codec.encode("t", "device-1", event);

        assertEquals("device-1", out.key());
        assertEquals("1.0", header(out, CloudEventAttributes.SPECVERSION));
        assertEquals("application/json", header(out, CloudEventAttributes.CONTENT_TYPE));
        assertEquals(event, codec.decode(asConsumed(out)));
    }

    @Test
    void timeIsRfc3339EvenWithZeroSecondsAndDataSchemaIsNamed() {
        CloudEvent event = new CloudEvent("e1", "/s", EventType.DEVICE_REVOKED.wireName(), "d",
                OffsetDateTime.parse("2026-12-01T21:41Z"), "acme", "{}");
        ProducerRecord<String, byte[]> out = codec.encode("t", "d", event);
        assertEquals("2026-12-01T21:41:00.000000Z", header(out, CloudEventAttributes.TIME));
        assertEquals(EventType.DEVICE_REVOKED.schemaId(), header(out, CloudEventAttributes.DATA_SCHEMA));
    }

    @Test
    void structuredModeFromOtherSystemsIsRead() {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"x1\",\"source\":\"/cmdb\",\"type\":\"t.v1\","
                + "\"subject\":\"d9\",\"orgid\":\"acme\",\"data\":{\"name\":\"n\"},\"extra\":true}";
        CloudEvent event = codec.decode(record(envelope, Map.of()));
        assertEquals("x1", event.id());
        assertEquals("{\"name\":\"n\"}", event.dataJson());
        assertEquals("acme", event.orgId());
    }

    @Test
    void poisonIsNamedPrecisely() {
        assertTrue(poison("{not json").contains("not JSON"));
        assertTrue(poison("{\"hello\":1}").contains("not a CloudEvent"));
        assertTrue(poison("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}").contains("specversion"));
        assertTrue(poison("{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\"}").contains("'id'"));
        assertTrue(poison("{\"specversion\":\"1.0\",\"id\":7,\"source\":\"s\",\"type\":\"t\"}").contains("not a string"));
        assertTrue(poison("{\"a\":1} trailing").contains("not JSON"));
    }

    /** Every way a binary-mode record can be unreadable is poison with a reason, never another exception. */
    @Test
    void unreadableBinaryRecordsArePoison() {
        assertTrue(binaryPoison("{}", Map.of("ce_time", "yesterday")).contains("RFC 3339"));
        assertTrue(binaryPoison("{}", Map.of("ce_time", "2026-12-01T21:41Z")).contains("RFC 3339"));
        assertTrue(binaryPoison("{}", Map.of("ce_time", "2026-13-45T25:61:00Z")).contains("valid time"));
        assertTrue(binaryPoison("{}", Map.of("ce_specversion", "2.0")).contains("specversion"));
        assertTrue(binaryPoison("{}", Map.of("ce_id", "")).contains("'ce_id'"));
        assertTrue(binaryPoison("{}", Map.of("ce_id", "x".repeat(300))).contains("longer than"));
        assertTrue(binaryPoison("{}", Map.of("content-type", "text/plain")).contains("not JSON"));
        assertTrue(binaryPoison("not json", Map.of()).contains("not JSON"));
        ConsumerRecord<String, byte[]> badUtf8 = binary(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                Map.of());
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> codec.decode(badUtf8));
        assertTrue(e.getMessage().contains("UTF-8"));
        assertEquals(PoisonEventException.INVALID_CLOUD_EVENT, e.code());
    }

    /** A null value with binary headers is a tombstone: routes that accept it apply it, to all others it is poison. */
    @Test
    void aNullValueIsATombstoneWhoseDataIsPoison() {
        CloudEvent tombstone = codec.decode(binary(null, Map.of("ce_subject", "device-1")));
        assertTrue(tombstone.isTombstone());
        assertEquals("device-1", tombstone.subject());
        assertTrue(assertThrows(PoisonEventException.class, () -> codec.tree(tombstone)).getMessage().contains("no value"));

        var encoded = codec.encode("fleet.inventory.devices", "device-1", tombstone);
        assertEquals(null, encoded.value());
        assertEquals(null, encoded.headers().lastHeader("content-type"), "a tombstone has no content");
        assertEquals("id-1", new String(encoded.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    @Test
    void dataNotMatchingTheContractIsPoison() {
        CloudEvent event = new CloudEvent("e", "s", "t", null, null, null, "[1,2]");
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> codec.data(event, Sample.class));
        assertTrue(e.getMessage().contains("does not match"));
    }

    record Sample(String name) {
    }

    private String poison(String value) {
        return assertThrows(PoisonEventException.class, () -> codec.decode(record(value, Map.of()))).getMessage();
    }

    private String binaryPoison(String value, Map<String, String> overrides) {
        return assertThrows(PoisonEventException.class,
                () -> codec.decode(binary(value == null ? null : value.getBytes(StandardCharsets.UTF_8), overrides))).getMessage();
    }

    private static ConsumerRecord<String, byte[]> binary(byte[] value, Map<String, String> overrides) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", "id-1",
                "ce_source", "/test", "ce_type", "t.v1", "ce_time", "2026-12-01T10:00:00Z"));
        headers.putAll(overrides);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0, "k", value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ConsumerRecord<String, byte[]> record(String value, Map<String, String> headers) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0, "k",
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> out) {
        ConsumerRecord<String, byte[]> in = new ConsumerRecord<>(out.topic(), 0, 0, out.key(), out.value());
        out.headers().forEach(h -> in.headers().add(h));
        return in;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
