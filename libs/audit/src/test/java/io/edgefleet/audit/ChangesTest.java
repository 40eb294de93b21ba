package io.edgefleet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.EventType;
import io.edgefleet.events.audit.AuditRecorded.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyFieldsThatDifferAreListedWithBeforeAndAfter() {
        List<Change> changes = Changes.between(tree(Map.of("severity", "warning", "name", "hot")),
                tree(Map.of("severity", "critical", "name", "hot", "labels", Map.of("site", "berlin"))));
        assertEquals(List.of(new Change("severity", "warning", "critical"), new Change("labels", null, "{\"site\":\"berlin\"}")),
                changes);
    }

    @Test
    void valuesAreShortenedAndFieldsBounded() {
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("f" + i, "x".repeat(2_000));
        }
        List<Change> changes = Changes.of(JSON.valueToTree(many));
        assertEquals(Limits.AUDIT_CHANGES, changes.size());
        assertEquals(Changes.VALUE_CHARS, changes.get(0).after().length());
        assertTrue(changes.get(0).after().endsWith("…"));
        assertNull(changes.get(0).before());
    }

    @Test
    void periodicFactsAndMirrorsAreNoActions() {
        assertTrue(AuditedEvents.of(EventType.AGENT_HEARTBEAT, "d", null).isEmpty());
        assertTrue(AuditedEvents.of(EventType.DEVICE_STATE, "d", null).isEmpty());
        assertTrue(AuditedEvents.of(EventType.AUDIT_RECORDED, "d", null).isEmpty());
        JsonNode queued = JSON.createObjectNode().put("commandId", "c-1").put("status", "queued");
        assertEquals(new AuditedEvents.Subject("commands.status.changed", "command", "c-1"),
                AuditedEvents.of(EventType.COMMAND_STATUS_CHANGED, "device-1", queued).orElseThrow());
        JsonNode cancelled = JSON.createObjectNode().put("commandId", "c-1").put("status", "cancelled");
        assertTrue(AuditedEvents.of(EventType.COMMAND_STATUS_CHANGED, "device-1", cancelled).isPresent(), "an operator's decision");
        JsonNode reported = JSON.createObjectNode().put("commandId", "c-1").put("status", "succeeded");
        assertTrue(AuditedEvents.of(EventType.COMMAND_STATUS_CHANGED, "device-1", reported).isEmpty(), "progress an agent reports");
        assertTrue(AuditedEvents.of(EventType.COMMAND_REQUESTED, "device-1", queued).isEmpty(), "audited as the command it becomes");
        assertEquals(new AuditedEvents.Subject("inventory.device.updated", "device", "d"),
                AuditedEvents.of(EventType.DEVICE_UPDATED, "d", null).orElseThrow());
    }

    private static Map<String, JsonNode> tree(Map<String, ?> fields) {
        Map<String, JsonNode> tree = new LinkedHashMap<>();
        fields.forEach((k, v) -> tree.put(k, JSON.valueToTree(v)));
        return tree;
    }
}
