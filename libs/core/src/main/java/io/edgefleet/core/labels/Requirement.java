package io.edgefleet.core.labels;

import java.util.List;
import java.util.Map;

/**
 * One requirement of a selector. As in Kubernetes, {@code !=} and {@code notin} also match
 * objects that do not have the key at all.
 */
public record Requirement(String key, Operator operator, List<String> values) {

    public boolean matches(Map<String, String> labels) {
        String actual = labels == null ? null : labels.get(key);
        return switch (operator) {
            case EQUALS -> values.get(0).equals(actual);
            case NOT_EQUALS -> !values.get(0).equals(actual);
            case IN -> actual != null && values.contains(actual);
            case NOT_IN -> actual == null || !values.contains(actual);
            case EXISTS -> actual != null;
            case NOT_EXISTS -> actual == null;
        };
    }

    String toSql(String column, SqlParameters params) {
        String k = params.bind(key);
        String value = column + " ->> " + k;
        return switch (operator) {
            case EQUALS -> value + " = " + params.bind(values.get(0));
            case NOT_EQUALS -> value + " IS DISTINCT FROM " + params.bind(values.get(0));
            case IN -> value + " IN (" + bindAll(params) + ")";
            case NOT_IN -> "(" + value + " IS NULL OR " + value + " NOT IN (" + bindAll(params) + "))";
            // jsonb_exists is the function behind the '?' operator, which JDBC would read as a parameter.
            case EXISTS -> "jsonb_exists(" + column + ", " + k + ")";
            case NOT_EXISTS -> "NOT jsonb_exists(" + column + ", " + k + ")";
        };
    }

    private String bindAll(SqlParameters params) {
        return String.join(", ", values.stream().map(params::bind).toList());
    }

    @Override
    public String toString() {
        return switch (operator) {
            case EQUALS -> key + "=" + values.get(0);
            case NOT_EQUALS -> key + "!=" + values.get(0);
            case IN -> key + " in (" + String.join(",", values) + ")";
            case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
            case EXISTS -> key;
            case NOT_EXISTS -> "!" + key;
        };
    }
}
