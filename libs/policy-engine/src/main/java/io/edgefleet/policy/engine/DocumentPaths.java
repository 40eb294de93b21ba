package io.edgefleet.policy.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;

/** Reads a field of a rule's input by its path ({@code device.linuxNode.memoryMb}, {@code cluster.nodes.0.name}). */
final class DocumentPaths {

    private DocumentPaths() {
    }

    /** The value at {@code path} as text, or null when the path is null or names nothing. */
    static String valueAt(PolicyInput input, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        Object at = input.variables();
        for (String step : path.split("\\.", 32)) {
            at = step(at, step);
            if (at == null) {
                return null;
            }
        }
        return render(at);
    }

    private static Object step(Object at, String step) {
        if (at instanceof Map<?, ?> map) {
            return map.get(step);
        }
        if (at instanceof List<?> list && !step.isEmpty() && step.chars().allMatch(Character::isDigit) && step.length() < 6) {
            int index = Integer.parseInt(step);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    static String render(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return CelValues.JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }
}
