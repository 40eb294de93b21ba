package io.edgefleet.core.text;

import java.util.List;
import java.util.Set;

/**
 * The wire values a field accepts. Unlike {@code Set.of(..).contains(null)}, which throws (an
 * alert rule without severity was a 500), a missing value is simply not one of the choices.
 */
public final class Choices {

    private final Set<String> values;
    private final List<String> ordered;

    private Choices(List<String> values) {
        this.ordered = List.copyOf(values);
        this.values = Set.copyOf(values);
    }

    public static Choices of(String... values) {
        return new Choices(List.of(values));
    }

    public boolean accepts(String value) {
        return value != null && values.contains(value);
    }

    /** For messages: {@code critical, warning or info}. */
    public String describe() {
        if (ordered.size() == 1) {
            return ordered.get(0);
        }
        return String.join(", ", ordered.subList(0, ordered.size() - 1)) + " or " + ordered.get(ordered.size() - 1);
    }
}
