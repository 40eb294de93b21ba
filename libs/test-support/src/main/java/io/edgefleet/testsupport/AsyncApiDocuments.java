package io.edgefleet.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.CloudEventAttributes;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The AsyncAPI 3 document of what one service publishes, built from the event contract
 * ({@link EventType}: wire name, topic, producer; the JSON Schemas of {@code libs/event-contracts}
 * as payloads, in their own 2020-12 dialect), so an integrator reads every topic, event type,
 * key, header and schema without the source tree. Each service commits it and serves it as
 * {@code /asyncapi.json}; {@code ServicePlatformContract} keeps the two equal to this.
 */
final class AsyncApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

    private AsyncApiDocuments() {
    }

    static ObjectNode forProducer(String service, String title, String version) {
        ObjectNode doc = JSON.createObjectNode().put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", title).put("version", version).put("description", "Events " + service
                + " publishes on Kafka: CloudEvents 1.0 in binary mode (attributes in ce_* headers, JSON data as the "
                + "value); the key is the event's subject. Consumers read tolerantly and dead-letter what they cannot "
                + "decode to <topic>" + Topics.DEAD_LETTER_SUFFIX + ".");
        doc.put("defaultContentType", CloudEventAttributes.JSON);
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        List<EventType> sent = Arrays.stream(EventType.values())
                .filter(t -> t.producer().equals(service) || t.producer().equals(EventType.EVERY_SERVICE)).toList();
        for (String topic : sent.stream().map(EventType::topic).distinct().sorted().toList()) {
            String channel = topic.replace('.', '-');
            ObjectNode onTopic = channels.putObject(channel).put("address", topic);
            onTopic.put("description", Topics.COMPACTED.contains(topic)
                    ? "Compacted: the latest record per key is the subject's whole state; a tombstone deletes it."
                    : "History: every event, kept for the topic's retention.");
            ObjectNode refs = onTopic.putObject("messages");
            ObjectNode send = operations.putObject("send-" + channel).put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channel);
            ArrayNode sendRefs = send.putArray("messages");
            for (EventType type : sent.stream().filter(t -> t.topic().equals(topic)).toList()) {
                refs.putObject(type.wireName()).put("$ref", "#/components/messages/" + type.wireName());
                sendRefs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + type.wireName());
                messages.set(type.wireName(), message(type));
            }
        }
        return doc;
    }

    private static ObjectNode message(EventType type) {
        ObjectNode message = JSON.createObjectNode().put("name", type.wireName()).put("title", type.name())
                .put("contentType", CloudEventAttributes.JSON);
        ObjectNode headers = message.putObject("headers").put("type", "object");
        headers.putArray("required").add(CloudEventAttributes.SPECVERSION).add(CloudEventAttributes.ID)
                .add(CloudEventAttributes.SOURCE).add(CloudEventAttributes.TYPE).add(CloudEventAttributes.TIME)
                .add(CloudEventAttributes.ORG);
        ObjectNode props = headers.putObject("properties");
        props.putObject(CloudEventAttributes.SPECVERSION).put("const", CloudEventAttributes.SPEC_VERSION);
        props.putObject(CloudEventAttributes.ID).put("type", "string").put("description", "Unique per event; "
                + "consumers deduplicate on it.");
        props.putObject(CloudEventAttributes.SOURCE).put("type", "string");
        props.putObject(CloudEventAttributes.TYPE).put("const", type.wireName());
        props.putObject(CloudEventAttributes.TIME).put("type", "string").put("format", "date-time");
        props.putObject(CloudEventAttributes.ORG).put("type", "string").put("description", "The organization (tenant).");
        props.putObject(CloudEventAttributes.SUBJECT).put("type", "string").put("description", "Equal to the key.");
        props.putObject(CloudEventAttributes.DATA_SCHEMA).put("const", type.schemaId());
        message.putObject("payload").put("schemaFormat", SCHEMA_FORMAT).set("schema", schema(type.schemaResource()));
        message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0").putObject("key")
                .put("type", "string").put("description", "The subject: the id of the device, cluster, command or "
                        + "group the event is about; a key's events are in order.");
        return message;
    }

    /** The event's JSON Schema exactly as consumers validate with it. */
    static JsonNode schema(String resource) {
        try (InputStream in = EventType.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
