package io.edgefleet.messaging.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.CloudEventAttributes;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper());

    @Test
    void binaryModeRoundTrips() {
        CloudEvent event = new CloudEvent("e1", "/edgefleet/test", "edgefleet.test.v1", "device-1",
                OffsetDateTime.parse("2026-11-29T10:00:00Z"), "acme", "{\"a\":1}");
        ProducerRecord<String, String> out = codec.encode("t", "device-1", event);

        assertEquals("device-1", out.key());
        assertEquals("1.0", header(out, CloudEventAttributes.SPECVERSION));
        assertEquals("application/json", header(out, CloudEventAttributes.CONTENT_TYPE));
        assertEquals(event, codec.decode(asConsumed(out)));
    }

    @Test
    void structuredModeFromOtherSystemsIsRead() {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"x1\",\"source\":\"/cmdb\",\"type\":\"t.v1\","
                + "\"subject\":\"d9\",\"orgid\":\"acme\",\"data\":{\"name\":\"n\"},\"extra\":true}";
        CloudEvent event = codec.decode(new ConsumerRecord<>("t", 0, 0, "d9", envelope));
        assertEquals("x1", event.id());
        assertEquals("{\"name\":\"n\"}", event.dataJson());
        assertEquals("acme", event.orgId());
    }

    @Test
    void poisonIsNamedPrecisely() {
        assertTrue(poison("{not json").contains("not a CloudEvent") || poison("{not json").contains("not JSON"));
        assertTrue(poison("{\"hello\":1}").contains("not a CloudEvent"));
        assertTrue(poison("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}").contains("specversion"));
        assertTrue(poison("{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\"}").contains("'id'"));
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
        return assertThrows(PoisonEventException.class,
                () -> codec.decode(new ConsumerRecord<>("t", 0, 0, "k", value))).getMessage();
    }

    private static ConsumerRecord<String, String> asConsumed(ProducerRecord<String, String> out) {
        ConsumerRecord<String, String> in = new ConsumerRecord<>(out.topic(), 0, 0, out.key(), out.value());
        out.headers().forEach(h -> in.headers().add(h));
        return in;
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
