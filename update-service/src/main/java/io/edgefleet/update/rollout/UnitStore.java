package io.edgefleet.update.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;

/** The units of rollouts: every read and write of {@code rollout_unit}, always within one rollout of one organization. */
@ApplicationScoped
public class UnitStore {

    private static final String COLUMNS = "rollout_id, unit, wave, state, reason, array_to_string(machines, ','), time_zone, "
            + "CAST(steps AS text), step, attempts FROM rollout_unit ";
    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
    };
    private static final int INSERT_CHUNK = 5_000;

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public UnitStore(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Stores planned units in chunks, one statement per chunk (arrays unnested), skipping units already there. */
    public void insert(String orgId, UUID rolloutId, List<PlannedUnit> units, OffsetDateTime now) {
        for (int from = 0; from < units.size(); from += INSERT_CHUNK) {
            List<PlannedUnit> chunk = units.subList(from, Math.min(units.size(), from + INSERT_CHUNK));
            entityManager.unwrap(Session.class).doWork(connection -> insertChunk(connection, orgId, rolloutId, chunk, now));
        }
    }

    private void insertChunk(Connection connection, String orgId, UUID rolloutId, List<PlannedUnit> chunk, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollout_unit (rollout_id, unit, org_id, wave, "
                + "state, reason, machines, time_zone, steps, finished_at, updated_at) SELECT ?, u.unit, ?, u.wave, u.state, u.reason, "
                + "CAST(string_to_array(u.machines, ',') AS uuid[]), u.zone, CAST(u.steps AS jsonb), "
                + "CASE WHEN u.state IN ('succeeded', 'skipped') THEN CAST(? AS timestamptz) END, ? "
                + "FROM unnest(?, ?, ?, ?, ?, ?, ?) AS u(unit, wave, state, reason, machines, zone, steps) "
                + "ON CONFLICT (rollout_id, unit) DO NOTHING")) {
            insert.setObject(1, rolloutId);
            insert.setString(2, orgId);
            insert.setObject(3, now);
            insert.setObject(4, now);
            insert.setArray(5, connection.createArrayOf("text", chunk.stream().map(PlannedUnit::unit).toArray()));
            insert.setArray(6, connection.createArrayOf("int4", chunk.stream().map(PlannedUnit::wave).toArray()));
            insert.setArray(7, connection.createArrayOf("text", chunk.stream().map(PlannedUnit::state).toArray()));
            insert.setArray(8, connection.createArrayOf("text", chunk.stream().map(PlannedUnit::reason).toArray()));
            insert.setArray(9, connection.createArrayOf("text", chunk.stream().map(u -> String.join(",",
                    u.machines().stream().map(UUID::toString).toList())).toArray()));
            insert.setArray(10, connection.createArrayOf("text", chunk.stream().map(PlannedUnit::timeZone).toArray()));
            insert.setArray(11, connection.createArrayOf("text", chunk.stream().map(u -> write(u.steps())).toArray()));
            insert.executeUpdate();
        }
    }

    public boolean exists(UUID rolloutId, String unit) {
        return !entityManager.createNativeQuery("SELECT 1 FROM rollout_unit WHERE rollout_id = :r AND unit = :u")
                .setParameter("r", rolloutId).setParameter("u", unit).getResultList().isEmpty();
    }

    /** Units of {@code wave} (null: any wave) waiting to be sent whose retry, if any, is due; locked, skipping locked ones. */
    public List<Unit> due(UUID rolloutId, Integer wave, int limit, OffsetDateTime now) {
        var query = entityManager.createNativeQuery("SELECT " + COLUMNS + "WHERE rollout_id = :r AND state IN ('pending', "
                + "'waiting-for-window') AND (next_attempt_at IS NULL OR next_attempt_at <= :now)"
                + (wave == null ? "" : " AND wave = :wave") + " ORDER BY unit LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("r", rolloutId).setParameter("now", now).setParameter("limit", limit);
        if (wave != null) {
            query.setParameter("wave", wave);
        }
        return read(query.getResultList());
    }

    /** Units sent before {@code before} with no outcome since. */
    public List<Unit> unanswered(UUID rolloutId, OffsetDateTime before, int limit) {
        return read(entityManager.createNativeQuery("SELECT " + COLUMNS + "WHERE rollout_id = :r AND state IN ('dispatched', "
                        + "'in-progress') AND dispatched_at < :before ORDER BY unit LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("r", rolloutId).setParameter("before", before).setParameter("limit", limit).getResultList());
    }

    /** The unit whose step was sent under {@code requestKey}, locked. */
    public Optional<Unit> byRequestKey(String orgId, String requestKey) {
        return read(entityManager.createNativeQuery("SELECT " + COLUMNS + "WHERE org_id = :org AND request_key = :key FOR UPDATE")
                .setParameter("org", orgId).setParameter("key", requestKey).getResultList()).stream().findFirst();
    }

    /** A unit's step sent under {@code requestKey}, as its {@code attempts}-th attempt. */
    public record Sent(String unit, String requestKey, int attempts) {
    }

    /** Marks units of one rollout sent, in one statement however many there are. */
    public void dispatched(UUID rolloutId, List<Sent> sent, OffsetDateTime now) {
        if (sent.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE rollout_unit r SET state = 'dispatched', "
                    + "request_key = s.key, attempts = s.attempts, dispatched_at = ?, next_attempt_at = NULL, reason = NULL, "
                    + "updated_at = ? FROM unnest(?, ?, ?) AS s(unit, key, attempts) WHERE r.rollout_id = ? AND r.unit = s.unit")) {
                update.setObject(1, now);
                update.setObject(2, now);
                update.setArray(3, connection.createArrayOf("text", sent.stream().map(Sent::unit).toArray()));
                update.setArray(4, connection.createArrayOf("text", sent.stream().map(Sent::requestKey).toArray()));
                update.setArray(5, connection.createArrayOf("int4", sent.stream().map(Sent::attempts).toArray()));
                update.setObject(6, rolloutId);
                update.executeUpdate();
            }
        });
    }

    public void state(Unit unit, String state, String reason, OffsetDateTime now) {
        update(unit, "state = :state, reason = :reason, finished_at = CASE WHEN :state IN ('succeeded', 'failed', 'skipped') "
                + "THEN CAST(:now AS timestamptz) END", Map.of("state", state, "reason", reason == null ? "" : reason, "now", now));
    }

    /** Back to pending: its next step, or the same step again after {@code retryAt}. */
    public void requeue(Unit unit, int step, int attempts, String reason, OffsetDateTime retryAt, OffsetDateTime now) {
        update(unit, "state = 'pending', step = :step, attempts = :attempts, reason = :reason, request_key = NULL, "
                + "next_attempt_at = :retryAt", Map.of("step", step, "attempts", attempts, "reason", reason == null ? "" : reason,
                "retryAt", retryAt == null ? now : retryAt, "now", now));
    }

    /** Replaces a reached unit's steps by the ones that undo them, pending again. */
    public void rollBack(Unit unit, List<Step> steps, OffsetDateTime now) {
        update(unit, "state = 'pending', steps = CAST(:steps AS jsonb), step = 0, attempts = 0, request_key = NULL, "
                + "next_attempt_at = NULL, reason = 'rolling back', finished_at = NULL", Map.of("steps", write(steps), "now", now));
    }

    /** Units per state, of one wave (null: all). */
    public Map<String, Integer> counts(UUID rolloutId, Integer wave) {
        var query = entityManager.createNativeQuery("SELECT state, count(*) FROM rollout_unit WHERE rollout_id = :r"
                + (wave == null ? "" : " AND wave = :wave") + " GROUP BY state").setParameter("r", rolloutId);
        if (wave != null) {
            query.setParameter("wave", wave);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        UnitState.ALL.forEach(state -> counts.put(state, 0));
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).intValue());
        }
        return counts;
    }

    /** Units per state for each wave. */
    public Map<Integer, Map<String, Integer>> countsByWave(UUID rolloutId) {
        Map<Integer, Map<String, Integer>> waves = new TreeMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT wave, state, count(*) FROM rollout_unit WHERE rollout_id = :r "
                + "GROUP BY wave, state").setParameter("r", rolloutId).getResultList()) {
            Object[] r = (Object[]) row;
            waves.computeIfAbsent(((Number) r[0]).intValue(), w -> {
                Map<String, Integer> counts = new LinkedHashMap<>();
                UnitState.ALL.forEach(state -> counts.put(state, 0));
                return counts;
            }).put((String) r[1], ((Number) r[2]).intValue());
        }
        return waves;
    }

    /** A page of a rollout's units in key order after {@code after}, optionally in one state. */
    public List<Unit> page(String orgId, UUID rolloutId, String state, String after, int limit) {
        var query = entityManager.createNativeQuery("SELECT " + COLUMNS + "WHERE org_id = :org AND rollout_id = :r"
                        + (state == null ? "" : " AND state = :state") + (after == null ? "" : " AND unit > :after") + " ORDER BY unit")
                .setParameter("org", orgId).setParameter("r", rolloutId).setMaxResults(limit);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return read(query.getResultList());
    }

    /** Every unit of the rollout in one of {@code states}, locked: a rollback or a cancel walks them. */
    public List<Unit> inStates(UUID rolloutId, List<String> states, String after, int limit) {
        return read(entityManager.createNativeQuery("SELECT " + COLUMNS + "WHERE rollout_id = :r AND state IN (:states) "
                        + "AND unit > :after ORDER BY unit LIMIT :limit FOR UPDATE")
                .setParameter("r", rolloutId).setParameter("states", states).setParameter("after", after == null ? "" : after)
                .setParameter("limit", limit).getResultList());
    }

    private void update(Unit unit, String set, Map<String, Object> values) {
        var query = entityManager.createNativeQuery("UPDATE rollout_unit SET " + set + ", updated_at = :now "
                + "WHERE rollout_id = :r AND unit = :u").setParameter("r", unit.rolloutId()).setParameter("u", unit.unit());
        values.forEach((name, value) -> query.setParameter(name, "".equals(value) ? null : value));
        query.executeUpdate();
    }

    private List<Unit> read(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(r -> new Unit((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                (String) r[3], (String) r[4], Arrays.stream(((String) r[5]).split(",")).filter(s -> !s.isEmpty()).map(UUID::fromString)
                .toList(), (String) r[6], readSteps((String) r[7]), ((Number) r[8]).intValue(), ((Number) r[9]).intValue())).toList();
    }

    private List<Step> readSteps(String text) {
        try {
            return json.readValue(text, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored steps unreadable: " + e.getMessage(), e);
        }
    }

    private String write(List<Step> steps) {
        try {
            return json.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
