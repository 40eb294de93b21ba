package io.edgefleet.provisioning.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.commands.CommandType;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed contract types each command's payload with the schema requests are validated against. */
class CommandPayloadContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCommandTypeIsAVariantWithItsOwnPayloadSchema() throws Exception {
        JsonNode schemas = JSON.readTree(Path.of("src/main/openapi/openapi.json").toFile()).path("components").path("schemas");
        JsonNode mapping = schemas.path(CommandPayloadContract.NEW_COMMAND).path("discriminator").path("mapping");
        assertEquals(CommandType.values().length, mapping.size());
        for (CommandType type : CommandType.values()) {
            String variant = CommandPayloadContract.variantName(type);
            assertEquals("#/components/schemas/" + variant, mapping.path(type.wireName()).asText());
            assertEquals(type.wireName(), schemas.path(variant).path("properties").path("type").path("enum").path(0).asText());
            assertEquals("#/components/schemas/" + CommandPayloadContract.payloadName(type),
                    schemas.path(variant).path("properties").path("payload").path("$ref").asText());
            assertEquals(validated(type), schemas.path(CommandPayloadContract.payloadName(type)), type.wireName());
        }
    }

    private static JsonNode validated(CommandType type) throws Exception {
        try (InputStream in = CommandType.class.getResourceAsStream(type.payloadSchemaResource())) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            schema.remove("$schema");
            schema.remove("$id");
            return schema;
        }
    }
}
