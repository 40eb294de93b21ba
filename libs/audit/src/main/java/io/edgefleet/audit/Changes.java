package io.edgefleet.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.audit.AuditRecorded.Change;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The summary of what an action set: one {@link Change} per top-level field, values as JSON text
 * shortened to {@link #VALUE_CHARS}, at most {@link Limits#AUDIT_CHANGES} fields. A summary, not a
 * copy: the resource itself (or its history) holds the whole value.
 */
final class Changes {

    static final int VALUE_CHARS = 256;

    private Changes() {
    }

    /** Every field of an event's data, as set by the action. */
    static List<Change> of(JsonNode after) {
        List<Change> changes = new ArrayList<>();
        if (after == null || !after.isObject()) {
            return changes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext() && changes.size() < Limits.AUDIT_CHANGES; ) {
            Map.Entry<String, JsonNode> field = it.next();
            changes.add(new Change(shorten(field.getKey(), Limits.NAME), null, text(field.getValue())));
        }
        return changes;
    }

    /** The fields whose value differs between before and after (either may be empty). */
    static List<Change> between(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode is = after.get(field);
            if (!Objects.equals(was, is) && changes.size() < Limits.AUDIT_CHANGES) {
                changes.add(new Change(shorten(field, Limits.NAME), text(was), text(is)));
            }
        }
        return changes;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return shorten(value.isTextual() ? value.asText() : value.toString(), VALUE_CHARS);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
