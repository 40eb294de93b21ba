package io.edgefleet.inventory.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.Lifecycle;
import io.edgefleet.projection.read.DeviceScopes;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices of one organization at a time: every query by operators takes the organization id. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Optional<Device> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public boolean nameTaken(String orgId, String name) {
        return count("orgId = ?1 and name = ?2", orgId, name) > 0;
    }

    /** The device an agent identity belongs to (reports and heartbeats carry identity ids). */
    public Optional<Device> findByIdentity(UUID identityId) {
        return find("identityId", identityId).firstResultOptional();
    }

    public List<Device> findByIdentities(Collection<UUID> identityIds) {
        return list("identityId in ?1", identityIds);
    }

    public Optional<Device> findByExternalId(String orgId, String externalId) {
        return find("orgId = ?1 and externalId = ?2", orgId, externalId).firstResultOptional();
    }

    /** A pre-registered device an enrolling agent may be, by its hostname. */
    public Optional<Device> findUnenrolledByName(String orgId, String name) {
        return find("orgId = ?1 and name = ?2 and identityId is null and lifecycle = ?3", orgId, name, Lifecycle.REGISTERED)
                .firstResultOptional();
    }

    public List<Device> silentSince(OffsetDateTime cutoff, int limit) {
        return find("connectivity = ?1 and lastSeenAt < ?2", Connectivity.CONNECTED, cutoff).page(0, limit).list();
    }

    public List<Device> inCluster(UUID clusterId) {
        return list("clusterId", clusterId);
    }

    /** The machines of several clusters in one query (lists never query per row). */
    public List<Device> inClusters(Collection<UUID> clusterIds) {
        return clusterIds.isEmpty() ? List.of() : list("clusterId in ?1", clusterIds);
    }

    /** One page of the devices matching the filter, in the keyset's order. */
    public List<Device> page(DeviceFilter filter, DeviceScopes.Scope scope, Keyset<Device> page) {
        SqlParameters params = new SqlParameters();
        StringBuilder sql = new StringBuilder("SELECT d.* FROM device d LEFT JOIN cluster c ON c.id = d.cluster_id ")
                .append("WHERE d.org_id = ").append(params.bind(filter.orgId()))
                .append(" AND ").append(filter.selector().toSql("d.labels", params))
                .append(" AND ").append(scope.condition("d.id"));
        filter.lifecycle().ifPresent(l -> sql.append(" AND d.lifecycle = ").append(params.bind(l.name())));
        filter.connectivity().ifPresent(c -> sql.append(" AND d.connectivity = ").append(params.bind(c.name())));
        filter.distribution().ifPresent(x -> sql.append(" AND c.distribution = ").append(params.bind(x)));
        filter.kubernetesVersion().ifPresent(v -> sql.append(" AND c.kubernetes_version = ").append(params.bind(v)));
        filter.groupMembersOf().ifPresent(g -> sql.append(" AND d.id IN (SELECT device_id FROM device_group_member "
                + "WHERE group_id = ").append(params.bind(g)).append(")"));
        filter.groupSelector().ifPresent(s -> sql.append(" AND ").append(s.toSql("d.labels", params)));
        filter.text().ifPresent(t -> {
            String like = params.bind("%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" AND (d.name ILIKE ").append(like).append(" OR d.external_id ILIKE ").append(like)
                    .append(" OR d.host_os ILIKE ").append(like).append(")");
        });
        sql.append(page.andOrderBy(params))
                .append(" LIMIT ").append(params.bind(page.fetch()));
        Query query = getEntityManager().createNativeQuery(sql.toString(), Device.class);
        params.values().forEach(query::setParameter);
        scope.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Device> devices = query.getResultList();
        return devices;
    }
}
