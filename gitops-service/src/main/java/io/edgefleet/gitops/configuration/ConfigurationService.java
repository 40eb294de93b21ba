package io.edgefleet.gitops.configuration;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.gitops.GitOpsErrorCode;
import io.edgefleet.gitops.delivery.DeliveryQueue;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.rest.naming.ResourceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GitOps configurations. Every change marks the devices it was and is delivered to as due
 * ({@link DeliveryQueue}), in the same transaction: they are told at the configured pace.
 */
@ApplicationScoped
public class ConfigurationService {

    public static final Sorting<Configuration> SORTING = Sorting.of(SortField.id("c.id", c -> c.id), "id",
            SortField.text("name", "c.name", c -> c.name), SortField.time("createdAt", "c.createdAt", c -> c.createdAt));

    private static final String RESOURCE = "gitops-configuration";

    private final EntityManager entityManager;
    private final SourceCredentials credentials;
    private final ProjectedGroups groups;
    private final DeliveryQueue deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    public ConfigurationService(EntityManager entityManager, SourceCredentials credentials, ProjectedGroups groups,
                                DeliveryQueue deliveries, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.credentials = credentials;
        this.groups = groups;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Configuration create(String orgId, ConfigurationSpec spec) {
        Configuration configuration = new Configuration();
        configuration.id = UUID.randomUUID();
        configuration.orgId = orgId;
        configuration.createdAt = OffsetDateTime.now(clock);
        apply(configuration, spec);
        entityManager.persist(configuration);
        audit.record(orgId, "gitops.configuration.created", RESOURCE, configuration.id.toString(), null, configuration.spec);
        deliveries.markDue(orgId, configuration.spec.target());
        return configuration;
    }

    @Transactional
    public Configuration replace(String orgId, UUID id, ConfigurationSpec spec, Optional<Long> expectedVersion) {
        Configuration configuration = get(orgId, id);
        Versions.require(expectedVersion, configuration.version, "configuration " + id);
        Object before = audit.snapshot(configuration.spec);
        ConfigurationSpec.Target previous = configuration.spec.target();
        apply(configuration, spec);
        audit.record(orgId, "gitops.configuration.updated", RESOURCE, id.toString(), before, configuration.spec);
        deliveries.markDue(orgId, previous);
        deliveries.markDue(orgId, configuration.spec.target());
        return configuration;
    }

    /** Deletes it; its devices are told, and remove what it created. Its compliance history stays. */
    @Transactional
    public void delete(String orgId, UUID id) {
        Configuration configuration = get(orgId, id);
        audit.record(orgId, "gitops.configuration.deleted", RESOURCE, id.toString(), configuration.spec, null);
        deliveries.markDue(orgId, configuration.spec.target());
        entityManager.remove(configuration);
    }

    @Transactional
    public Configuration get(String orgId, UUID id) {
        return entityManager.createQuery("FROM Configuration c WHERE c.orgId = :org AND c.id = :id", Configuration.class)
                .setParameter("org", orgId).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new FleetException(GitOpsErrorCode.CONFIGURATION_NOT_FOUND, "no configuration " + id));
    }

    /** A page of configurations, optionally the one of a name. */
    @Transactional
    public List<Configuration> page(String orgId, String name, Keyset<Configuration> page) {
        SqlParameters params = new SqlParameters();
        String where = "FROM Configuration c WHERE c.orgId = " + params.bind(orgId) + (name == null ? "" : " AND c.name = " + params.bind(name));
        var query = entityManager.createQuery(where + page.andOrderBy(params), Configuration.class);
        params.values().forEach(query::setParameter);
        return query.setMaxResults(page.fetch()).getResultList();
    }

    private void apply(Configuration configuration, ConfigurationSpec spec) {
        ConfigurationSpec normalized = ConfigurationRules.normalized(spec);
        ResourceNames.require(entityManager, "Configuration", configuration.orgId, configuration.id, normalized.name(),
                GitOpsErrorCode.CONFIGURATION_NAME_TAKEN);
        UUID group = normalized.target().group();
        if (group != null && groups.find(configuration.orgId, group.toString()).isEmpty()) {
            throw FleetException.unprocessable("spec.target.group", "names no group of this organization");
        }
        credentials.apply(configuration, withUrl(spec.source(), normalized.source()));
        credentials.requireSuited(configuration, normalized.source());
        configuration.name = normalized.name();
        configuration.spec = normalized;
        configuration.updatedAt = OffsetDateTime.now(clock);
    }

    /** The operator's credentials beside the normalized source they are checked against. */
    private static ConfigurationSpec.Source withUrl(ConfigurationSpec.Source given, ConfigurationSpec.Source normalized) {
        return new ConfigurationSpec.Source(normalized.kind(), normalized.url(), normalized.ref(), normalized.interval(),
                normalized.timeout(), given.credentials());
    }
}
