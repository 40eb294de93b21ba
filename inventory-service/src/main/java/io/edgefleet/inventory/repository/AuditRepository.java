package io.edgefleet.inventory.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.events.audit.AuditRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored audit log: appended from fleet.audit.events, read newest first, purged by age. */
@ApplicationScoped
public class AuditRepository {

    /** What a query may filter on; empty fields do not filter. */
    public record AuditFilter(Optional<String> actor, Optional<String> action, Optional<String> resourceType,
                              Optional<String> resourceId, Optional<String> outcome, Optional<String> requestId,
                              Optional<Instant> since, Optional<Instant> until) {
    }

    /** The position after the last entry a client has seen (newest first). */
    public record After(Instant at, UUID id) {
    }

    /** A stored entry; {@code changesJson} is the JSON array of changes. */
    public record StoredEntry(UUID id, Instant at, String actorKind, String actor, String action, String resourceType,
                              String resourceId, String outcome, String code, String changesJson, String requestId,
                              String sourceAddress, String method, String path, String service) {
    }

    private static final String COLUMNS = "id, at, actor_kind, actor, action, resource_type, resource_id, outcome, code, "
            + "CAST(changes AS text), request_id, source_address, method, path, service";

    private final EntityManager entityManager;

    public AuditRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores an entry once: a redelivered event (same id) changes nothing. */
    public void append(UUID id, String orgId, AuditRecorded entry, String changesJson) {
        entityManager.createNativeQuery("INSERT INTO audit_entry (id, org_id, at, actor_kind, actor, action, resource_type, "
                        + "resource_id, outcome, code, changes, request_id, source_address, method, path, service) VALUES (:id, "
                        + ":org, :at, :kind, :actor, :action, :type, :resource, :outcome, :code, CAST(:changes AS jsonb), :request, "
                        + ":address, :method, :path, :service) ON CONFLICT (id) DO NOTHING")
                .setParameter("id", id).setParameter("org", orgId).setParameter("at", entry.at().atOffset(ZoneOffset.UTC))
                .setParameter("kind", entry.actor().kind()).setParameter("actor", entry.actor().id())
                .setParameter("action", entry.action()).setParameter("type", entry.resourceType())
                .setParameter("resource", entry.resourceId()).setParameter("outcome", entry.outcome())
                .setParameter("code", entry.code()).setParameter("changes", changesJson)
                .setParameter("request", entry.requestId()).setParameter("address", entry.sourceAddress())
                .setParameter("method", entry.method()).setParameter("path", entry.path())
                .setParameter("service", entry.service()).executeUpdate();
    }

    /** Up to {@code limit} entries of the organization matching the filter, newest first. */
    public List<StoredEntry> page(String orgId, AuditFilter filter, Optional<After> after, int limit) {
        SqlParameters params = new SqlParameters();
        List<String> conditions = new ArrayList<>(List.of("org_id = " + params.bind(orgId)));
        filter.actor().ifPresent(v -> conditions.add("actor = " + params.bind(v)));
        filter.action().ifPresent(v -> conditions.add("action = " + params.bind(v)));
        filter.resourceType().ifPresent(v -> conditions.add("resource_type = " + params.bind(v)));
        filter.resourceId().ifPresent(v -> conditions.add("resource_id = " + params.bind(v)));
        filter.outcome().ifPresent(v -> conditions.add("outcome = " + params.bind(v)));
        filter.requestId().ifPresent(v -> conditions.add("request_id = " + params.bind(v)));
        filter.since().ifPresent(v -> conditions.add("at >= " + params.bind(v.atOffset(ZoneOffset.UTC))));
        filter.until().ifPresent(v -> conditions.add("at < " + params.bind(v.atOffset(ZoneOffset.UTC))));
        after.ifPresent(a -> conditions.add("(at, id) < (" + params.bind(a.at().atOffset(ZoneOffset.UTC)) + ", "
                + params.bind(a.id()) + ")"));
        Query query = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE "
                + String.join(" AND ", conditions) + " ORDER BY at DESC, id DESC LIMIT " + params.bind(limit));
        params.values().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(AuditRepository::entry).toList();
    }

    /** Deletes up to {@code batch} entries older than {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff, int batch) {
        return entityManager.createNativeQuery("DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry "
                        + "WHERE at < :cutoff LIMIT :batch)")
                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC)).setParameter("batch", batch).executeUpdate();
    }

    private static StoredEntry entry(Object[] r) {
        return new StoredEntry((UUID) r[0], instant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12],
                (String) r[13], (String) r[14]);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
