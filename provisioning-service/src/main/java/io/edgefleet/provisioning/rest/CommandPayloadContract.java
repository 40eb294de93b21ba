package io.edgefleet.provisioning.rest;

import io.edgefleet.events.commands.CommandType;
import io.edgefleet.rest.openapi.JsonSchemaModels;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * {@code NewCommand} in the contract as what it is: one variant per command type, told apart by
 * {@code type}, each with its payload's schema — the JSON Schema of {@code libs/event-contracts}
 * that the request is validated against, not a copy — instead of an untyped object. Generated
 * clients get a class per payload.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CommandPayloadContract implements OASFilter {

    static final String NEW_COMMAND = "NewCommand";
    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        Schema generated = components == null || components.getSchemas() == null ? null : components.getSchemas().get(NEW_COMMAND);
        if (generated == null) {
            return;
        }
        Map<String, String> mapping = Arrays.stream(CommandType.values()).collect(Collectors.toMap(
                CommandType::wireName, type -> REF + variantName(type), (a, b) -> a, LinkedHashMap::new));
        for (CommandType type : CommandType.values()) {
            components.addSchema(payloadName(type), JsonSchemaModels.fromResource(type.payloadSchemaResource()));
            components.addSchema(variantName(type), variant(type, generated));
        }
        components.addSchema(NEW_COMMAND, OASFactory.createSchema()
                .description("A command for a device: its type, and the payload that type takes.")
                .oneOf(mapping.values().stream().map(ref -> OASFactory.createSchema().ref(ref)).toList())
                .discriminator(OASFactory.createDiscriminator().propertyName("type").mapping(mapping)));
    }

    /** The generated request shape with {@code type} fixed and {@code payload} typed. */
    private static Schema variant(CommandType type, Schema generated) {
        Schema variant = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).required(List.of("type", "payload"))
                .description("The `" + type.wireName() + "` command.");
        generated.getProperties().forEach((name, property) -> variant.addProperty(name, switch (name) {
            case "type" -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(type.wireName()));
            case "payload" -> OASFactory.createSchema().ref(REF + payloadName(type));
            default -> property;
        }));
        return variant;
    }

    static String payloadName(CommandType type) {
        return pascal(type) + "Payload";
    }

    static String variantName(CommandType type) {
        return "New" + pascal(type) + "Command";
    }

    private static String pascal(CommandType type) {
        return Arrays.stream(type.wireName().split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
    }
}
