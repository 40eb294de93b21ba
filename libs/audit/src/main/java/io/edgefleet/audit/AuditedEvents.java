package io.edgefleet.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.events.EventType;
import java.util.Optional;
import java.util.Set;

/**
 * Which recorded events are actions worth auditing, and what each names as action and resource.
 * Left out: the audit event itself, device states (the compacted mirror of a change audited
 * beside it), the agent's periodic facts (heartbeats, reports, samples) and outcomes judged or
 * observed rather than done (compliance, deny rules, a rollout's result per device), which are no action.
 * Of a command, what someone decided is audited — provisioning accepting it (queued, naming who
 * asked), refusing it, an operator cancelling it — but neither the request another service sent
 * (the command it becomes is audited) nor the progress its agent reports: a rollout to 10,000
 * devices is not 60,000 audit entries.
 */
final class AuditedEvents {

    private static final Set<EventType> NOT_ACTIONS = Set.of(EventType.AUDIT_RECORDED, EventType.DEVICE_STATE,
            EventType.AGENT_HEARTBEAT, EventType.AGENT_REPORT, EventType.TELEMETRY_BATCH, EventType.COMPLIANCE_CHANGED,
            EventType.DENY_RULE, EventType.ROLLOUT_DEVICE_RESULT, EventType.COMMAND_REQUESTED);

    /** Command statuses that are decisions, not progress an agent reports. */
    private static final Set<String> DECIDED_COMMAND_STATUSES = Set.of("queued", "rejected", "cancelled");

    /** What an audited event is about. */
    record Subject(String action, String resourceType, String resourceId) {
    }

    private AuditedEvents() {
    }

    /** The audit subject of an event, or empty when the event is no action. */
    static Optional<Subject> of(EventType type, String subject, JsonNode data) {
        if (NOT_ACTIONS.contains(type) || (type == EventType.COMMAND_STATUS_CHANGED
                && !DECIDED_COMMAND_STATUSES.contains(text(data, "status", "")))) {
            return Optional.empty();
        }
        String action = type.wireName().replaceFirst("^edgefleet\\.", "").replaceFirst("\\.v\\d+$", "");
        return Optional.of(switch (type) {
            case CLUSTER_INVENTORY_CHANGED -> new Subject(action, "cluster", subject);
            case GROUP_CHANGED -> new Subject(action, "group", subject);
            case ROLE_BINDING_CHANGED -> new Subject(action, "role-binding", subject);
            case ENROLLMENT_REQUESTED, ENROLLMENT_APPROVED, ENROLLMENT_REJECTED -> new Subject(action, "enrollment", subject);
            case COMMAND_STATUS_CHANGED -> new Subject(action, "command", text(data, "commandId", subject));
            case ALERT_FIRING, ALERT_RESOLVED, ALERT_ACKNOWLEDGED -> new Subject(action, "alert", text(data, "alertId", subject));
            case ROLLOUT_CHANGED -> new Subject(action, "rollout", subject);
            default -> new Subject(action, "device", subject);
        });
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data == null ? null : data.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}
