package io.edgefleet.core.labels;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named parameters collected while SQL is rendered; user input is always bound, never inlined. */
public final class SqlParameters {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final String prefix;

    public SqlParameters() {
        this("p");
    }

    /** Placeholders named {@code :<prefix>0}, {@code :<prefix>1}...: SQL rendered apart never collides. */
    public SqlParameters(String prefix) {
        this.prefix = prefix;
    }

    /** Binds {@code value} and returns its placeholder, e.g. {@code :p0}. */
    public String bind(Object value) {
        String name = prefix + values.size();
        values.put(name, value);
        return ":" + name;
    }

    public Map<String, Object> values() {
        return values;
    }
}
