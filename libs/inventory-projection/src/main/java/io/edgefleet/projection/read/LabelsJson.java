package io.edgefleet.projection.read;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Reads label maps that PostgreSQL returns as JSON text. */
public final class LabelsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private LabelsJson() {
    }

    public static Map<String, String> read(String json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, LABELS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored labels are not JSON: " + json, e);
        }
    }
}
