package io.edgefleet.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.policy.DenyRule;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** This service's copy of the deny rules: written from {@code fleet.policy.rules}, read per change judged. */
@ApplicationScoped
public class DenyRuleStore {

    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DenyRuleStore(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * One stored rule.
     *
     * @param changedAt when policy-service last published it: compiled rules are cached by it
     */
    public record StoredRule(UUID assignmentId, String assignmentName, String policyName, String kind, String rule,
                             String field, String message, Map<String, Object> params, UUID groupId, String labelSelector,
                             Instant changedAt) {
    }

    /** Stores the rule unless a later one is stored (a replayed dead letter changes nothing). */
    void upsert(CloudEvent event, DenyRule rule) {
        if (rule.assignmentId() == null || rule.rule() == null || rule.changedAt() == null || rule.kind() == null) {
            throw new PoisonEventException("a deny rule names its assignment, kind, rule and change time");
        }
        entityManager.createNativeQuery("INSERT INTO deny_rule (assignment_id, org_id, assignment_name, policy_id, policy_name, "
                        + "kind, rule, field, message, params, group_id, label_selector, changed_at, projected_at) VALUES (:id, :org, "
                        + ":name, :policy, :policyName, :kind, :rule, :field, :message, CAST(:params AS jsonb), CAST(:group AS uuid), "
                        + ":selector, :changedAt, now()) ON CONFLICT (assignment_id) DO UPDATE SET assignment_name = EXCLUDED.assignment_name, "
                        + "policy_id = EXCLUDED.policy_id, policy_name = EXCLUDED.policy_name, kind = EXCLUDED.kind, rule = EXCLUDED.rule, "
                        + "field = EXCLUDED.field, message = EXCLUDED.message, params = EXCLUDED.params, group_id = EXCLUDED.group_id, "
                        + "label_selector = EXCLUDED.label_selector, changed_at = EXCLUDED.changed_at, projected_at = now() "
                        + "WHERE deny_rule.org_id = EXCLUDED.org_id AND deny_rule.changed_at <= EXCLUDED.changed_at")
                .setParameter("id", uuid(rule.assignmentId())).setParameter("org", event.requireOrg())
                .setParameter("name", String.valueOf(rule.assignmentName())).setParameter("policy", uuid(rule.policyId()))
                .setParameter("policyName", String.valueOf(rule.policyName())).setParameter("kind", rule.kind())
                .setParameter("rule", rule.rule()).setParameter("field", rule.field())
                .setParameter("message", String.valueOf(rule.message())).setParameter("params", text(rule.params()))
                .setParameter("group", rule.groupId() == null ? null : uuid(rule.groupId()).toString())
                .setParameter("selector", rule.labelSelector())
                .setParameter("changedAt", rule.changedAt().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** The assignment ended: its tombstone removes the rule. */
    void delete(CloudEvent event) {
        if (event.subject() == null) {
            throw new PoisonEventException("a deny-rule tombstone names its assignment in ce_subject");
        }
        entityManager.createNativeQuery("DELETE FROM deny_rule WHERE assignment_id = :id AND org_id = :org")
                .setParameter("id", uuid(event.subject())).setParameter("org", event.requireOrg()).executeUpdate();
    }

    /** The organization's deny rules, in assignment order. */
    public List<StoredRule> of(String orgId) {
        List<?> rows = entityManager.createNativeQuery("SELECT assignment_id, assignment_name, policy_name, kind, rule, field, "
                        + "message, CAST(params AS text), group_id, label_selector, changed_at FROM deny_rule WHERE org_id = :org "
                        + "ORDER BY assignment_id").setParameter("org", orgId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new StoredRule((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], params((String) r[7]), (UUID) r[8], (String) r[9],
                instant(r[10]))).toList();
    }

    private Map<String, Object> params(String text) {
        try {
            return json.readValue(text, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored deny-rule parameters are not JSON", e);
        }
    }

    private String text(Map<String, Object> params) {
        try {
            return json.writeValueAsString(params == null ? Map.of() : params);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("deny-rule parameters are not JSON: " + e.getOriginalMessage());
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("id '" + id + "' is not a UUID");
        }
    }
}
