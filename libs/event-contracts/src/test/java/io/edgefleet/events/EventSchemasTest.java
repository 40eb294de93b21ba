package io.edgefleet.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.events.commands.CommandType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeShipsASchemaNamedAfterItsWireName(EventType type) throws Exception {
        try (var in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertNotNull(in, "missing " + type.schemaResource());
            JsonNode schema = JSON.readTree(in);
            assertEquals(type.schemaId(), schema.get("$id").asText());
        }
    }

    @Test
    void deviceRegisteredAsSerializedIsValidAgainstItsSchema() throws Exception {
        var data = new DeviceRegistered(UUID.randomUUID().toString(), "edge-01", Map.of("env", "prod"), Instant.now());
        assertEquals(0, schema(EventType.DEVICE_REGISTERED).validate(JSON.valueToTree(data)).size());
    }

    @Test
    void schemaRejectsDataMissingTheDeviceId() throws Exception {
        JsonNode data = JSON.readTree("{\"name\":\"edge-01\",\"labels\":{},\"registeredAt\":\"2026-01-01T00:00:00Z\"}");
        assertFalse(schema(EventType.DEVICE_REGISTERED).validate(data).isEmpty());
    }

    /** The rejected status every requester (policy, update, other systems) reads the same way. */
    @Test
    void aRejectedCommandCarriesACodeAndAReasonUnderItsCorrelationId() throws Exception {
        var rejected = CommandStatusChanged.rejected(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                CommandType.RESTART_AGENT, "rollout-7/wave-1", "POLICY_DENIED", "policy no-restarts-in-business-hours denies it",
                Instant.now());
        JsonNode json = JSON.valueToTree(rejected);
        assertEquals(0, schema(EventType.COMMAND_STATUS_CHANGED).validate(json).size());
        assertEquals("rejected", json.path("status").asText());
        assertTrue(rejected.status().isFinal());

        var withoutCode = (com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy();
        withoutCode.putNull("code");
        assertFalse(schema(EventType.COMMAND_STATUS_CHANGED).validate(withoutCode).isEmpty(), "a rejection names its code");
        var lowercase = (com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy();
        lowercase.put("code", "policy denied");
        assertFalse(schema(EventType.COMMAND_STATUS_CHANGED).validate(lowercase).isEmpty(), "codes are stable identifiers");
    }

    @Test
    void readersTolerateUnknownFieldsAndUnknownTypes() throws Exception {
        String json = "{\"deviceId\":\"d1\",\"name\":\"n\",\"labels\":{},\"registeredAt\":\"2026-01-01T00:00:00Z\",\"addedLater\":42}";
        assertEquals("d1", JSON.readValue(json, DeviceRegistered.class).deviceId());
        assertTrue(EventType.fromWireName("edgefleet.some.future.event.v9").isEmpty());
    }

    static JsonSchema schema(EventType type) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(EventType.class.getResourceAsStream(type.schemaResource()));
    }
}
