package io.edgefleet.inventory.repository;

import io.edgefleet.inventory.domain.Device;
import io.edgefleet.rest.labels.LabelSelector;
import io.edgefleet.rest.labels.SqlParameters;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices of one organization at a time: every query takes the organization id. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Optional<Device> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public boolean nameTaken(String orgId, String name) {
        return count("orgId = ?1 and name = ?2", orgId, name) > 0;
    }

    /** Up to {@code limit} devices after the cursor, in id order, matching the selector. */
    public List<Device> page(String orgId, LabelSelector selector, Optional<UUID> after, int limit) {
        SqlParameters params = new SqlParameters();
        StringBuilder sql = new StringBuilder("SELECT * FROM device d WHERE d.org_id = ")
                .append(params.bind(orgId))
                .append(" AND ").append(selector.toSql("d.labels", params));
        after.ifPresent(id -> sql.append(" AND d.id > ").append(params.bind(id)));
        sql.append(" ORDER BY d.id LIMIT ").append(params.bind(limit));
        Query query = getEntityManager().createNativeQuery(sql.toString(), Device.class);
        params.values().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Device> devices = query.getResultList();
        return devices;
    }
}
