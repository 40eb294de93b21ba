package io.edgefleet.policy.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.projection.read.DeviceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads compliance: records with filters and paging, counts per assignment, a device's records. */
@ApplicationScoped
public class ComplianceQueries {

    private static final String SELECT = "SELECT c.device_id, c.assignment_id, a.name, c.policy_id, p.name, a.effect, c.state, "
            + "CAST(c.reasons AS text), c.evaluated_at, c.changed_at, r.state, r.attempts, r.command_id, r.last_error, "
            + "r.next_attempt_at FROM device_compliance c "
            + "JOIN policy_assignment a ON a.id = c.assignment_id JOIN policy_definition p ON p.id = c.policy_id "
            + "LEFT JOIN remediation r ON r.assignment_id = c.assignment_id AND r.device_id = c.device_id "
            + "WHERE c.org_id = :org ";

    private final EntityManager entityManager;
    public ComplianceQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * One device's compliance with one assignment.
     *
     * @param remediation for a remediate assignment's non-compliant device: its remediation, else null
     */
    public record Record(UUID deviceId, UUID assignmentId, String assignmentName, UUID policyId, String policyName,
                         String effect, String state, List<ComplianceChanged.Reason> reasons, OffsetDateTime evaluatedAt,
                         OffsetDateTime changedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Remediation remediation) {
    }

    /**
     * Where a remediation stands.
     *
     * @param state {@code requested} (the command's outcome awaited), {@code succeeded}, {@code retrying} or {@code given-up}
     * @param attempts commands sent so far
     * @param lastError why the last failed attempt failed
     */
    public record Remediation(String state, int attempts, UUID commandId, String lastError, OffsetDateTime nextAttemptAt) {
    }

    /** Filters of a record list; null matches anything. */
    public record Filter(UUID deviceId, UUID assignmentId, String state) {
    }

    /**
     * Records in (assignment, device) order after the {@code after} pair, at most {@code limit}.
     *
     * @param after null for the first page, else {@code [assignmentId, deviceId]} of the last record seen
     */
    @Transactional
    public List<Record> records(String orgId, Filter filter, UUID[] after, int limit) {
        var query = entityManager.createNativeQuery(SELECT
                        + "AND (CAST(:device AS uuid) IS NULL OR c.device_id = CAST(:device AS uuid)) "
                        + "AND (CAST(:assignment AS uuid) IS NULL OR c.assignment_id = CAST(:assignment AS uuid)) "
                        + "AND (CAST(:state AS text) IS NULL OR c.state = CAST(:state AS text)) "
                        + (after == null ? "" : "AND (c.assignment_id, c.device_id) > (CAST(:afterA AS uuid), CAST(:afterD AS uuid)) ")
                        + "ORDER BY c.assignment_id, c.device_id")
                .setParameter("org", orgId).setParameter("device", text(filter.deviceId()))
                .setParameter("assignment", text(filter.assignmentId())).setParameter("state", filter.state())
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("afterA", after[0].toString()).setParameter("afterD", after[1].toString());
        }
        return ((List<?>) query.getResultList()).stream().map(Object[].class::cast).map(this::record).toList();
    }

    /** Counts per state of each of the organization's assignments. */
    @Transactional
    public Map<UUID, Map<String, Long>> countsByAssignment(String orgId) {
        Map<UUID, Map<String, Long>> counts = new LinkedHashMap<>();
        List<?> rows = entityManager.createNativeQuery("SELECT assignment_id, state, count(*) FROM device_compliance "
                + "WHERE org_id = :org GROUP BY assignment_id, state ORDER BY assignment_id").setParameter("org", orgId)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.computeIfAbsent((UUID) r[0], id -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return counts;
    }

    /**
     * Each device's worst state over its records (by {@link ComplianceState#PRECEDENCE}), counted:
     * over the whole fleet, or only the devices of {@code scope}, or only the records of one policy's assignments.
     *
     * @param scope SQL over device ids (libs/inventory-projection's {@code DeviceScopes}), or null for every device
     * @param policyId null for every policy
     */
    @Transactional
    public Map<String, Long> rollUp(String orgId, DeviceScopes.Scope scope, UUID policyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ComplianceState.PRECEDENCE.forEach(state -> counts.put(state, 0L));
        var query = entityManager.createNativeQuery("SELECT worst, count(*) FROM (SELECT device_id, "
                        + "min(array_position(CAST(:precedence AS text[]), state)) AS worst FROM device_compliance c WHERE c.org_id = :org "
                        + "AND (CAST(:policy AS uuid) IS NULL OR c.policy_id = CAST(:policy AS uuid)) "
                        + (scope == null ? "" : "AND " + scope.condition("c.device_id") + " ")
                        + "GROUP BY device_id) d GROUP BY worst").setParameter("org", orgId)
                .setParameter("policy", text(policyId))
                .setParameter("precedence", "{" + String.join(",", ComplianceState.PRECEDENCE) + "}");
        if (scope != null) {
            scope.params().forEach(query::setParameter);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(ComplianceState.PRECEDENCE.get(((Number) r[0]).intValue() - 1), ((Number) r[1]).longValue());
        }
        return counts;
    }

    private Record record(Object[] r) {
        Remediation remediation = r[10] == null ? null : new Remediation((String) r[10], ((Number) r[11]).intValue(), (UUID) r[12],
                (String) r[13], r[14] == null ? null : ComplianceColumns.time(r[14]));
        return new Record((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5], (String) r[6],
                ComplianceColumns.reasons((String) r[7]), ComplianceColumns.time(r[8]), ComplianceColumns.time(r[9]), remediation);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
