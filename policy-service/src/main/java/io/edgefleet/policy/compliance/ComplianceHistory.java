package io.edgefleet.policy.compliance;

import io.edgefleet.events.policy.ComplianceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads compliance transitions: of a device, of an assignment, and the fleet as it stood at a time. */
@ApplicationScoped
public class ComplianceHistory {

    private final EntityManager entityManager;
    public ComplianceHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One transition: {@code previousState} is null for a device's first verdict under the assignment. */
    public record Transition(long id, UUID deviceId, UUID assignmentId, UUID policyId, String previousState, String state,
                             List<ComplianceChanged.Reason> reasons, OffsetDateTime at) {
    }

    /** Filters of a history query; null matches anything; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(UUID deviceId, UUID assignmentId, Instant from, Instant to) {
    }

    /** Transitions in time order after the {@code (at, id)} of the last one seen (null: from the first), at most {@code limit}. */
    @Transactional
    public List<Transition> page(String orgId, Filter filter, OffsetDateTime afterAt, Long afterId, int limit) {
        var query = entityManager.createNativeQuery("SELECT id, device_id, assignment_id, policy_id, previous_state, state, "
                        + "CAST(reasons AS text), at FROM compliance_history WHERE org_id = :org "
                        + "AND (CAST(:device AS uuid) IS NULL OR device_id = CAST(:device AS uuid)) "
                        + "AND (CAST(:assignment AS uuid) IS NULL OR assignment_id = CAST(:assignment AS uuid)) "
                        + "AND at >= CAST(:from AS timestamptz) AND at < CAST(:to AS timestamptz) "
                        + (afterAt == null ? "" : "AND (at, id) > (CAST(:afterAt AS timestamptz), :afterId) ")
                        + "ORDER BY at, id")
                .setParameter("org", orgId).setParameter("device", text(filter.deviceId()))
                .setParameter("assignment", text(filter.assignmentId()))
                .setParameter("from", time(filter.from() == null ? Instant.EPOCH : filter.from()))
                .setParameter("to", time(filter.to() == null ? Instant.parse("9999-01-01T00:00:00Z") : filter.to()))
                .setMaxResults(limit);
        if (afterAt != null) {
            query.setParameter("afterAt", afterAt.toString()).setParameter("afterId", afterId);
        }
        return ((List<?>) query.getResultList()).stream().map(Object[].class::cast).map(this::transition).toList();
    }

    /**
     * The fleet as it stood at {@code at}: each device × assignment in its last state then, counted
     * per state, and each device once by its worst state.
     */
    @Transactional
    public Map<String, Map<String, Long>> at(String orgId, Instant at) {
        List<?> rows = entityManager.createNativeQuery("SELECT device_id, state FROM (SELECT DISTINCT ON (assignment_id, device_id) "
                        + "assignment_id, device_id, state FROM compliance_history WHERE org_id = :org AND at <= CAST(:at AS timestamptz) "
                        + "ORDER BY assignment_id, device_id, at DESC, id DESC) last")
                .setParameter("org", orgId).setParameter("at", time(at)).getResultList();
        Map<String, Long> records = zeroes();
        Map<UUID, Integer> worst = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String state = (String) r[1];
            records.merge(state, 1L, Long::sum);
            worst.merge((UUID) r[0], ComplianceState.PRECEDENCE.indexOf(state), Math::min);
        }
        Map<String, Long> devices = zeroes();
        worst.values().forEach(index -> devices.merge(ComplianceState.PRECEDENCE.get(index), 1L, Long::sum));
        return Map.of("records", records, "devices", devices);
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ComplianceState.PRECEDENCE.forEach(state -> counts.put(state, 0L));
        return counts;
    }

    private Transition transition(Object[] r) {
        return new Transition(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (UUID) r[3], (String) r[4],
                (String) r[5], ComplianceColumns.reasons((String) r[6]), ComplianceColumns.time(r[7]));
    }

    private static String time(Instant at) {
        return at.toString();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
