package io.edgefleet.policy.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java values as CEL reads them: maps, lists, strings, booleans, {@code long} integers,
 * {@code double}s and {@link Instant} timestamps. An absent or null field is left out, so a rule
 * asks {@code has(device.windowsNode)} rather than comparing with null.
 */
final class CelValues {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CelValues() {
    }

    /** A record or JSON value as a CEL map; fields named in {@code timestamps} become timestamps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(Object value, Set<String> timestamps) {
        if (value == null) {
            return Map.of();
        }
        Object plain = JSON.convertValue(value, Object.class);
        return plain instanceof Map<?, ?> map ? (Map<String, Object>) normalize(map, timestamps) : Map.of();
    }

    static Object normalize(Object value, Set<String> timestamps) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    String name = String.valueOf(key);
                    out.put(name, timestamps.contains(name) && item instanceof String text ? Instant.parse(text)
                            : normalize(item, timestamps));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.stream().filter(item -> item != null).forEach(item -> out.add(normalize(item, timestamps)));
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return big.longValue();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return value;
    }
}
