package io.edgefleet.policy.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandRequested;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandStatusChanged;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.policy.assignment.Assignment;
import io.edgefleet.policy.config.PolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Remediation of a remediate assignment: a device that turns non-compliant gets one command
 * request (outbox, on {@code fleet.commands.requests}); its outcome comes back on
 * {@code fleet.commands.status} under the request's key. A failed, expired, cancelled or rejected
 * command is retried with backoff, up to {@code edgefleet.policy.remediation-attempts}, then given
 * up; the state shows on the compliance record. A device compliant again ends its remediation.
 */
@ApplicationScoped
public class Remediations {

    /** Request keys (and so correlation ids) of remediation commands start so. */
    static final String KEY_PREFIX = "policy-remediation/";
    private static final Duration UNANSWERED = Duration.ofHours(25);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final PolicyConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public Remediations(EntityManager entityManager, Outbox outbox, PolicyConfig config, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** After a verdict under a remediate assignment: start a remediation, or end one. */
    void onVerdict(Assignment assignment, UUID deviceId, String identityId, ComplianceState verdict) {
        if (!ComplianceState.NON_COMPLIANT.equals(verdict.state())) {
            entityManager.createNativeQuery("DELETE FROM remediation WHERE assignment_id = :a AND device_id = :d")
                    .setParameter("a", assignment.id).setParameter("d", deviceId).executeUpdate();
            return;
        }
        if (identityId == null || assignment.remediationType == null) {
            return; // not enrolled yet: its enrollment changes its state, and it is judged again then
        }
        UUID target = UUID.fromString(identityId);
        String key = key(assignment.id, deviceId, 1);
        int started = entityManager.createNativeQuery("INSERT INTO remediation (assignment_id, device_id, org_id, target_id, state, "
                        + "attempts, request_key, updated_at) VALUES (:a, :d, :org, :target, 'requested', 1, :key, :now) "
                        + "ON CONFLICT (assignment_id, device_id) DO NOTHING")
                .setParameter("a", assignment.id).setParameter("d", deviceId).setParameter("org", assignment.orgId)
                .setParameter("target", target).setParameter("key", key).setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
        if (started == 1) {
            request(assignment, target, key);
        }
    }

    /** A command status under one of this service's request keys: the attempt's outcome. */
    void outcome(CloudEvent event, CommandStatusChanged status) {
        if (status.correlationId() == null || !status.correlationId().startsWith(KEY_PREFIX) || status.status() == null) {
            return;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT assignment_id, attempts FROM remediation WHERE request_key = :key "
                + "AND org_id = :org AND state = 'requested' FOR UPDATE").setParameter("key", status.correlationId())
                .setParameter("org", event.requireOrg()).getResultList();
        if (rows.isEmpty()) {
            return; // an earlier attempt's late news, or a remediation already ended
        }
        int attempts = ((Number) ((Object[]) rows.get(0))[1]).intValue();
        String state = status.status() == CommandStatus.SUCCEEDED ? "succeeded" : !status.status().isFinal() ? "requested"
                : attempts >= config.remediationAttempts() ? "given-up" : "retrying";
        entityManager.createNativeQuery("UPDATE remediation SET state = :state, command_id = CAST(:command AS uuid), "
                        + "last_error = COALESCE(:error, last_error), next_attempt_at = :next, updated_at = :now WHERE request_key = :key")
                .setParameter("state", state).setParameter("command", status.commandId())
                .setParameter("error", status.status().isFinal() && status.status() != CommandStatus.SUCCEEDED
                        ? status.status().wireName() + (status.failureReason() == null ? "" : ": " + status.failureReason()) : null)
                .setParameter("next", "retrying".equals(state) ? OffsetDateTime.now(clock).plus(backoff(attempts)) : null)
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("key", status.correlationId()).executeUpdate();
    }

    /** Requests the next attempt of every remediation whose retry is due and whose device is still non-compliant. */
    void retryDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // A request never answered (provisioning lost it, or the command outlived its 24 h TTL unseen) counts as failed.
        entityManager.createNativeQuery("UPDATE remediation SET state = 'retrying', next_attempt_at = :now, "
                + "last_error = 'no outcome within 25 h', updated_at = :now WHERE state = 'requested' AND updated_at < :stale")
                .setParameter("now", now).setParameter("stale", now.minus(UNANSWERED)).executeUpdate();
        List<?> due = entityManager.createNativeQuery("SELECT r.assignment_id, r.device_id, r.target_id, r.attempts FROM remediation r "
                + "JOIN device_compliance c ON c.assignment_id = r.assignment_id AND c.device_id = r.device_id "
                + "WHERE r.state = 'retrying' AND r.next_attempt_at <= :now AND c.state = 'non-compliant' "
                + "ORDER BY r.next_attempt_at LIMIT 100 FOR UPDATE OF r SKIP LOCKED").setParameter("now", now).getResultList();
        for (Object row : due) {
            Object[] r = (Object[]) row;
            Assignment assignment = entityManager.find(Assignment.class, r[0]);
            int attempt = ((Number) r[3]).intValue() + 1;
            String key = key((UUID) r[0], (UUID) r[1], attempt);
            entityManager.createNativeQuery("UPDATE remediation SET state = 'requested', attempts = :attempt, request_key = :key, "
                    + "next_attempt_at = NULL, updated_at = :now WHERE assignment_id = :a AND device_id = :d")
                    .setParameter("attempt", attempt).setParameter("key", key).setParameter("now", now)
                    .setParameter("a", r[0]).setParameter("d", r[1]).executeUpdate();
            request(assignment, (UUID) r[2], key);
        }
    }

    private void request(Assignment assignment, UUID target, String key) {
        CommandType type = CommandType.fromWireName(assignment.remediationType).orElseThrow(() ->
                new IllegalStateException("assignment " + assignment.id + " remediates with " + assignment.remediationType));
        JsonNode payload = json.valueToTree(assignment.remediationPayload == null ? java.util.Map.of() : assignment.remediationPayload);
        outbox.record(EventType.COMMAND_REQUESTED, assignment.orgId, target.toString(), new CommandRequested(target.toString(),
                type, payload, null, key, "policy-service/" + assignment.name));
    }

    private Duration backoff(int attempts) {
        return config.remediationBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
    }

    static String key(UUID assignmentId, UUID deviceId, int attempt) {
        return KEY_PREFIX + assignmentId + "/" + deviceId + "/" + attempt;
    }
}
