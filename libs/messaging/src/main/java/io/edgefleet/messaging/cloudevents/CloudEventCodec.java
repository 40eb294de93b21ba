package io.edgefleet.messaging.cloudevents;

import static io.edgefleet.events.CloudEventAttributes.CONTENT_TYPE;
import static io.edgefleet.events.CloudEventAttributes.DATA_CONTENT_TYPE;
import static io.edgefleet.events.CloudEventAttributes.DATA_SCHEMA;
import static io.edgefleet.events.CloudEventAttributes.ID;
import static io.edgefleet.events.CloudEventAttributes.JSON;
import static io.edgefleet.events.CloudEventAttributes.ORG;
import static io.edgefleet.events.CloudEventAttributes.SOURCE;
import static io.edgefleet.events.CloudEventAttributes.SPECVERSION;
import static io.edgefleet.events.CloudEventAttributes.SPEC_VERSION;
import static io.edgefleet.events.CloudEventAttributes.SUBJECT;
import static io.edgefleet.events.CloudEventAttributes.TIME;
import static io.edgefleet.events.CloudEventAttributes.TYPE;
import static io.edgefleet.messaging.cloudevents.PoisonEventException.INVALID_CLOUD_EVENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.EventType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents Kafka protocol binding. Writes binary content mode ({@code ce_*} headers, JSON
 * value). Reads binary mode and, for other systems that find it easier, structured mode
 * (a whole {@code application/cloudevents+json} envelope as the value).
 *
 * <p>Reading is strict and total: whatever a record holds, {@link #decode} returns an event or
 * throws {@link PoisonEventException} saying what is wrong; it never fails any other way.
 */
@Singleton
public final class CloudEventCodec {

    private final ObjectReader tree;
    private final ObjectMapper json;

    public CloudEventCodec(ObjectMapper json) {
        this.json = json;
        this.tree = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public ProducerRecord<String, byte[]> encode(String topic, String key, CloudEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                event.isTombstone() ? null : event.dataJson().getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        put(headers, SPECVERSION, SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        put(headers, SUBJECT, event.subject());
        put(headers, TIME, event.time() == null ? null : EventTime.format(event.time()));
        put(headers, ORG, event.orgId());
        if (event.isTombstone()) {
            return record;
        }
        put(headers, CONTENT_TYPE, JSON);
        EventType.fromWireName(event.type()).ifPresent(type -> put(headers, DATA_SCHEMA, type.schemaId()));
        return record;
    }

    /**
     * Decodes a record or throws {@link PoisonEventException} saying what is wrong with it. A
     * null value with binary-mode headers is a tombstone ({@link CloudEvent#isTombstone()}); only
     * routes that accept tombstones apply it, to every other route its missing data is poison.
     */
    public CloudEvent decode(ConsumerRecord<String, byte[]> record) {
        RecordText text = new RecordText(record);
        if (record.headers().lastHeader(SPECVERSION) != null) {
            return decodeBinary(text);
        }
        return decodeStructured(text);
    }

    private CloudEvent decodeBinary(RecordText record) {
        requireSpecVersion(record.header(SPECVERSION));
        requireJsonContentType(record.header(CONTENT_TYPE), "content-type header");
        requireJsonContentType(record.header(DATA_CONTENT_TYPE), DATA_CONTENT_TYPE + " header");
        String value = record.value();
        if (value != null) {
            requireJson(value);
        }
        return new CloudEvent(Attributes.required(ID, record.header(ID)),
                Attributes.required(SOURCE, record.header(SOURCE)),
                Attributes.required(TYPE, record.header(TYPE)),
                Attributes.optional(SUBJECT, record.header(SUBJECT)),
                EventTime.parse(record.header(TIME)), Attributes.optional(ORG, record.header(ORG)), value);
    }

    private CloudEvent decodeStructured(RecordText record) {
        JsonNode envelope = requireJson(record.value());
        if (!envelope.isObject() || !envelope.has("specversion")) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT,
                    "not a CloudEvent: no ce_specversion header and no structured envelope");
        }
        requireSpecVersion(attribute(envelope, "specversion"));
        requireJsonContentType(attribute(envelope, "datacontenttype"), "datacontenttype");
        if (envelope.has("data_base64")) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "data_base64 is not supported: data must be JSON");
        }
        JsonNode data = envelope.get("data");
        return new CloudEvent(Attributes.required("id", attribute(envelope, "id")),
                Attributes.required("source", attribute(envelope, "source")),
                Attributes.required("type", attribute(envelope, "type")),
                Attributes.optional("subject", attribute(envelope, "subject")),
                EventTime.parse(attribute(envelope, "time")),
                Attributes.optional("orgid", attribute(envelope, "orgid")),
                data == null ? "null" : data.toString());
    }

    /** The event's data as {@code type}; data that does not fit the contract is poison. */
    public <T> T data(CloudEvent event, Class<T> type) {
        return data(event, tree(event), type);
    }

    /** As {@link #data(CloudEvent, Class)}, from the data already parsed ({@link #tree}). */
    public <T> T data(CloudEvent event, JsonNode tree, Class<T> type) {
        try {
            T data = json.treeToValue(tree, type);
            if (data == null) {
                throw new PoisonEventException(event.type() + " has no data");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(event.type() + " data does not match its schema: "
                    + Attributes.shorten(e.getOriginalMessage()));
        }
    }

    /** The event's data as a JSON tree; {@code EventConsumer} parses it once and reads schema and data from it. */
    public JsonNode tree(CloudEvent event) {
        return requireJson(event.dataJson());
    }

    private JsonNode requireJson(String value) {
        if (value == null) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "record has no value");
        }
        if (value.length() > Limits.EVENT_DATA_BYTES) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "value of " + value.length()
                    + " characters is larger than any valid event (" + Limits.EVENT_DATA_BYTES + " bytes)");
        }
        try {
            return tree.readValue(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT,
                    "value is not JSON: " + Attributes.shorten(e.getOriginalMessage()));
        }
    }

    /** A text attribute of a structured envelope; anything but a string (or absent) is poison. */
    private static String attribute(JsonNode envelope, String name) {
        JsonNode node = envelope.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "CloudEvent attribute '" + name + "' is not a string");
        }
        return node.asText();
    }

    private static void requireSpecVersion(String version) {
        if (!SPEC_VERSION.equals(version)) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "unsupported CloudEvents specversion '"
                    + Attributes.shorten(version) + "'");
        }
    }

    private static void requireJsonContentType(String contentType, String where) {
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!JSON.equals(mediaType) && !mediaType.endsWith("+json")) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, where + " '" + Attributes.shorten(contentType)
                    + "' is not JSON");
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
