package io.edgefleet.messaging.cloudevents;

import static io.edgefleet.events.CloudEventAttributes.CONTENT_TYPE;
import static io.edgefleet.events.CloudEventAttributes.ID;
import static io.edgefleet.events.CloudEventAttributes.JSON;
import static io.edgefleet.events.CloudEventAttributes.ORG;
import static io.edgefleet.events.CloudEventAttributes.SOURCE;
import static io.edgefleet.events.CloudEventAttributes.SPECVERSION;
import static io.edgefleet.events.CloudEventAttributes.SPEC_VERSION;
import static io.edgefleet.events.CloudEventAttributes.SUBJECT;
import static io.edgefleet.events.CloudEventAttributes.TIME;
import static io.edgefleet.events.CloudEventAttributes.TYPE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents Kafka protocol binding. Writes binary content mode ({@code ce_*} headers, JSON
 * value). Reads binary mode and, for other systems that find it easier, structured mode
 * (a whole {@code application/cloudevents+json} envelope as the value).
 */
@Singleton
public final class CloudEventCodec {

    private final ObjectMapper json;

    public CloudEventCodec(ObjectMapper json) {
        this.json = json;
    }

    public ProducerRecord<String, String> encode(String topic, String key, CloudEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, event.dataJson());
        Headers headers = record.headers();
        put(headers, SPECVERSION, SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        put(headers, SUBJECT, event.subject());
        put(headers, TIME, event.time().toString());
        put(headers, ORG, event.orgId());
        put(headers, CONTENT_TYPE, JSON);
        return record;
    }

    /** Decodes a record or throws {@link PoisonEventException} saying what is wrong with it. */
    public CloudEvent decode(ConsumerRecord<String, String> record) {
        if (record.headers().lastHeader(SPECVERSION) != null) {
            return decodeBinary(record);
        }
        return decodeStructured(record.value());
    }

    private CloudEvent decodeBinary(ConsumerRecord<String, String> record) {
        Headers h = record.headers();
        requireSpecVersion(header(h, SPECVERSION));
        requireJson(record.value());
        return new CloudEvent(required(h, ID), required(h, SOURCE), required(h, TYPE), header(h, SUBJECT),
                time(header(h, TIME)), header(h, ORG), record.value());
    }

    private CloudEvent decodeStructured(String value) {
        JsonNode envelope = requireJson(value);
        if (!envelope.isObject() || !envelope.has("specversion")) {
            throw new PoisonEventException("not a CloudEvent: no ce_specversion header and no structured envelope");
        }
        requireSpecVersion(envelope.path("specversion").asText());
        JsonNode data = envelope.get("data");
        return new CloudEvent(text(envelope, "id"), text(envelope, "source"), text(envelope, "type"),
                envelope.path("subject").asText(null), time(envelope.path("time").asText(null)),
                envelope.path("orgid").asText(null), data == null ? "null" : data.toString());
    }

    /** The event's data as {@code type}; data that does not fit the contract is poison. */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            T data = json.readValue(event.dataJson(), type);
            if (data == null) {
                throw new PoisonEventException(event.type() + " has no data");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(event.type() + " data does not match its schema: " + e.getOriginalMessage());
        }
    }

    private JsonNode requireJson(String value) {
        if (value == null) {
            throw new PoisonEventException("record has no value");
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireSpecVersion(String version) {
        if (!SPEC_VERSION.equals(version)) {
            throw new PoisonEventException("unsupported CloudEvents specversion '" + version + "'");
        }
    }

    private static String text(JsonNode envelope, String attribute) {
        String value = envelope.path(attribute).asText(null);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("CloudEvent lacks required attribute '" + attribute + "'");
        }
        return value;
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("CloudEvent lacks required header '" + name + "'");
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("CloudEvent time '" + value + "' is not RFC 3339");
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
