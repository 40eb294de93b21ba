package io.edgefleet.update.release;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.update.UpdateErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The releases an organization sees: the shipped catalog's and its own. The shipped ones are
 * replaced only by the catalog file; an organization adds and deletes its own.
 */
@ApplicationScoped
public class ReleaseCatalog {

    public static final Sorting<Release> SORTING = Sorting.of(SortField.id("r.id", r -> r.id), "id",
            SortField.text("version", "r.releaseVersion", r -> r.releaseVersion));

    private static final String RESOURCE = "release";
    private static final String VISIBLE = "(r.orgId = :org OR r.orgId IS NULL)";

    private final EntityManager entityManager;
    private final ReleaseRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    public ReleaseCatalog(EntityManager entityManager, ReleaseRules rules, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** A shipped release's id: the same in every installation, from its kind and version. */
    public static UUID shippedId(ReleaseKind kind, String version) {
        return UUID.nameUUIDFromBytes(("edgefleet.catalog/" + kind.wireName() + "/" + version).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional
    public Release create(String orgId, ReleaseSpec spec) {
        Release release = rules.toRelease(spec, UUID.randomUUID(), orgId, OffsetDateTime.now(clock));
        refuseDuplicate(orgId, release);
        entityManager.persist(release);
        audit.record(orgId, "update.release.created", RESOURCE, release.id.toString(), null, spec);
        return release;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        Release release = get(orgId, id);
        if (release.orgId == null) {
            throw new FleetException(UpdateErrorCode.RELEASE_READ_ONLY, "release " + id + " is part of the shipped catalog");
        }
        long users = entityManager.createQuery("SELECT count(o) FROM Rollout o WHERE o.orgId = :org AND o.releaseId = :id "
                + "AND o.phase NOT IN ('completed', 'cancelled', 'failed', 'rolled-back')", Long.class)
                .setParameter("org", orgId).setParameter("id", id).getSingleResult();
        if (users > 0) {
            throw new FleetException(UpdateErrorCode.RELEASE_IN_USE, users + " rollout(s) that have not ended target release " + id);
        }
        audit.record(orgId, "update.release.deleted", RESOURCE, id.toString(), ReleaseSpec.of(release), null);
        entityManager.remove(release);
    }

    @Transactional
    public Release get(String orgId, UUID id) {
        return entityManager.createQuery("FROM Release r WHERE " + VISIBLE + " AND r.id = :id", Release.class)
                .setParameter("org", orgId).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new FleetException(UpdateErrorCode.RELEASE_NOT_FOUND, "no release " + id));
    }

    /** Every release the organization sees (the catalog is small: versions, not devices). */
    @Transactional
    public List<Release> visible(String orgId) {
        return entityManager.createQuery("FROM Release r WHERE " + VISIBLE + " ORDER BY r.kind, r.releasedOn", Release.class)
                .setParameter("org", orgId).getResultList();
    }

    /** A page of releases, optionally of one kind and one channel. */
    @Transactional
    public List<Release> page(String orgId, ReleaseKind kind, String channel, Keyset<Release> page) {
        SqlParameters params = new SqlParameters();
        StringBuilder where = new StringBuilder("FROM Release r WHERE (r.orgId = " + params.bind(orgId) + " OR r.orgId IS NULL)");
        if (kind != null) {
            where.append(" AND r.kind = ").append(params.bind(kind));
        }
        if (channel != null) {
            where.append(" AND r.channel = ").append(params.bind(channel));
        }
        var query = entityManager.createQuery(where + page.andOrderBy(params), Release.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    /** Brings the shipped catalog's rows up to the file: adds new releases, updates changed ones, keeps their ids. */
    @Transactional
    public int seed(List<ReleaseSpec> shipped) {
        int changed = 0;
        for (ReleaseSpec spec : shipped) {
            ReleaseKind kind = rules.kind(spec.kind());
            UUID id = shippedId(kind, spec.version());
            Release wanted = rules.toRelease(spec, id, null, OffsetDateTime.now(clock));
            Release stored = entityManager.find(Release.class, id);
            if (stored == null) {
                entityManager.persist(wanted);
                changed++;
            } else if (!ReleaseSpec.of(stored).equals(ReleaseSpec.of(wanted))) {
                stored.channel = wanted.channel;
                stored.releasedOn = wanted.releasedOn;
                stored.endOfSupport = wanted.endOfSupport;
                stored.notes = wanted.notes;
                stored.artifacts = wanted.artifacts;
                changed++;
            }
        }
        return changed;
    }

    private void refuseDuplicate(String orgId, Release release) {
        long same = entityManager.createQuery("SELECT count(r) FROM Release r WHERE " + VISIBLE + " AND r.kind = :kind "
                + "AND r.releaseVersion = :version", Long.class).setParameter("org", orgId).setParameter("kind", release.kind)
                .setParameter("version", release.releaseVersion).getSingleResult();
        if (same > 0) {
            throw new FleetException(UpdateErrorCode.RELEASE_EXISTS, release.kind.wireName() + " " + release.releaseVersion + " exists");
        }
    }
}
