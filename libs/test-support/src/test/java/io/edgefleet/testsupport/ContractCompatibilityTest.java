package io.edgefleet.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEVICE = """
            {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string", "maxLength": 36},
              "state": {"type": "string", "enum": ["on", "off"]},
              "vcpus": {"type": ["integer", "null"], "maximum": 16},
              "labels": {"type": "array", "items": {"type": "string"}}}}""";

    @Test
    void additionsAreCompatible() throws Exception {
        String widened = """
                {"type": "object", "required": ["id"], "properties": {
                  "id": {"type": "string", "maxLength": 253},
                  "state": {"type": "string", "enum": ["on", "off", "sleeping"]},
                  "vcpus": {"type": ["integer", "null"], "maximum": 64},
                  "labels": {"type": "array", "items": {"type": "string"}},
                  "site": {"type": "string"}}}""";
        assertEquals(Set.of(), ContractCompatibility.ofSchema("Device", read(DEVICE), read(widened)));
    }

    @Test
    void removedFieldsNarrowedTypesAndNewRequiredFieldsBreak() throws Exception {
        String narrowed = """
                {"type": "object", "required": ["id", "state"], "additionalProperties": false, "properties": {
                  "id": {"type": "string", "maxLength": 16, "pattern": "^[a-z]+$"},
                  "state": {"type": "string", "enum": ["on"]},
                  "vcpus": {"type": "integer", "maximum": 16},
                  "labels": {"type": "array", "items": {"type": "integer"}}}}""";
        assertEquals(Set.of(
                "Device: new required field state",
                "Device: no longer accepts other fields",
                "Device.id: maxLength lowered to 16",
                "Device.id: pattern changed to ^[a-z]+$",
                "Device.labels[]: type narrowed from [string] to [integer]",
                "Device.state: enum narrowed from [off, on] to [on]",
                "Device.vcpus: type narrowed from [integer, null] to [integer]"),
                ContractCompatibility.ofSchema("Device", read(DEVICE), read(narrowed)));
        assertEquals(Set.of("Device.labels: removed"), ContractCompatibility.ofSchema("Device", read(DEVICE),
                read(DEVICE.replace(",\n  \"labels\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}", ""))));
    }

    @Test
    void removedOperationsAndNewRequiredParametersBreakAnApi() throws Exception {
        String before = """
                {"paths": {"/devices": {"get": {"parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}]},
                                        "post": {}}},
                 "components": {"schemas": {"Device": %s}}}""".formatted(DEVICE);
        String after = """
                {"paths": {"/devices": {"get": {"parameters": [{"name": "org", "in": "query", "required": true}]}}},
                 "components": {"schemas": {}}}""";
        assertEquals(Set.of("GET /devices: new required parameter query:org", "GET /devices: parameter query:limit removed",
                "POST /devices: operation removed", "Device: removed"), ContractCompatibility.ofOpenApi(read(before), read(after)));
        assertEquals(Set.of(), ContractCompatibility.ofOpenApi(read(before), read(before)));
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }
}
