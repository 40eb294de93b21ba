package io.edgefleet.core.labels;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes-style label selector, e.g. {@code env=prod,tier in (a,b),!canary}: requirements
 * joined by commas, all of which must hold. Evaluated in memory ({@link #matches}) or rendered to
 * SQL over a JSONB label column ({@link #toSql}), with identical semantics.
 */
public final class LabelSelector {

    private static final Pattern SET = Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$");
    private static final Pattern EQUALITY = Pattern.compile("^([^=!\\s]+)\\s*(==|=|!=)\\s*(\\S*)$");

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Parses a selector; null or blank selects everything. Invalid syntax is a 400. */
    public static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> parsed = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            parsed.add(requirement(part.trim(), selector));
        }
        return new LabelSelector(parsed);
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    /** SQL that is true where {@code jsonbColumn} satisfies every requirement ({@code TRUE} when empty). */
    public String toSql(String jsonbColumn, SqlParameters params) {
        if (requirements.isEmpty()) {
            return "TRUE";
        }
        return String.join(" AND ", requirements.stream().map(r -> r.toSql(jsonbColumn, params)).toList());
    }

    @Override
    public String toString() {
        return String.join(",", requirements.stream().map(Requirement::toString).toList());
    }

    private static Requirement requirement(String text, String whole) {
        if (text.isEmpty()) {
            throw invalid(whole, "empty requirement");
        }
        if (text.startsWith("!")) {
            return new Requirement(key(text.substring(1).trim(), whole), Operator.NOT_EXISTS, List.of());
        }
        Matcher set = SET.matcher(text);
        if (set.matches()) {
            Operator op = set.group(2).equals("in") ? Operator.IN : Operator.NOT_IN;
            List<String> values = new ArrayList<>();
            for (String v : set.group(3).split(",", -1)) {
                if (v.isBlank()) {
                    throw invalid(whole, "'" + set.group(2) + "' needs one or more values, none empty");
                }
                values.add(value(v.trim(), whole));
            }
            return new Requirement(key(set.group(1), whole), op, values);
        }
        Matcher equality = EQUALITY.matcher(text);
        if (equality.matches()) {
            Operator op = equality.group(2).equals("!=") ? Operator.NOT_EQUALS : Operator.EQUALS;
            return new Requirement(key(equality.group(1), whole), op, List.of(value(equality.group(3), whole)));
        }
        return new Requirement(key(text, whole), Operator.EXISTS, List.of());
    }

    private static String key(String key, String whole) {
        if (!Labels.isValidKey(key)) {
            throw invalid(whole, "'" + key + "' is not a valid label key");
        }
        return key;
    }

    private static String value(String value, String whole) {
        if (!Labels.isValidValue(value)) {
            throw invalid(whole, "'" + value + "' is not a valid label value");
        }
        return value;
    }

    /** Splits on commas outside parentheses: {@code a in (x,y),b} is two requirements. */
    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw invalid(selector, "unbalanced parentheses");
            }
        }
        if (depth != 0) {
            throw invalid(selector, "unbalanced parentheses");
        }
        parts.add(selector.substring(start));
        return parts;
    }

    private static FleetException invalid(String selector, String why) {
        return new FleetException(CommonErrorCode.INVALID_LABEL_SELECTOR, "labelSelector '" + selector + "': " + why);
    }
}
