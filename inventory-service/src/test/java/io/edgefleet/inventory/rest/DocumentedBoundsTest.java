package io.edgefleet.inventory.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hardening item 2a: the bound the committed contract documents for a field is the bound the
 * service enforces: one past it is a 400 naming the field, exactly at it is accepted.
 */
@QuarkusTest
class DocumentedBoundsTest {

    private static final JsonNode SCHEMAS = schemas();

    @ParameterizedTest
    @ValueSource(strings = {"name", "externalId", "hostOs", "hostOsVersion"})
    void stringsAreAcceptedUpToTheirDocumentedLength(String field) {
        int max = SCHEMAS.path("RegisterDeviceRequest").path("properties").path(field).path("maxLength").asInt();
        InventoryApi api = new InventoryApi();
        api.register(device(field, "a".repeat(max + 1))).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem(field));
        api.register(device(field, "a".repeat(max))).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void labelsAndDnsListsAreBoundAsDocumented(int overBy) {
        JsonNode register = SCHEMAS.path("RegisterDeviceRequest").path("properties");
        int labels = register.path("labels").path("maxProperties").asInt() + overBy;
        int dns = SCHEMAS.path("NetworkConfig").path("properties").path("dns").path("maxItems").asInt() + overBy;
        Map<String, Object> body = device("name", "edge-bounds-" + overBy);
        Map<String, String> labelMap = new HashMap<>();
        IntStream.range(0, labels).forEach(i -> labelMap.put("k" + i, "v"));
        body.put("labels", labelMap);
        body.put("network", Map.of("dns", IntStream.range(0, dns).mapToObj(i -> "10.0." + (i / 250) + "." + (i % 250 + 1)).toList()));
        if (overBy == 0) {
            new InventoryApi().register(body).then().statusCode(201);
        } else {
            new InventoryApi().register(body).then().statusCode(400)
                    .body("errors.field", hasItem("labels")).body("errors.field", hasItem("network.dns"))
                    .body("errors.field", not(hasItem("name")));
        }
    }

    private static Map<String, Object> device(String field, String value) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "edge-" + field.toLowerCase()));
        body.put(field, value);
        return body;
    }

    private static JsonNode schemas() {
        try {
            return new ObjectMapper().readTree(Path.of("src/main/openapi/openapi.json").toFile()).path("components").path("schemas");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
