package io.edgefleet.inventory.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeviceGroupRepository implements PanacheRepositoryBase<DeviceGroup, UUID> {

    public Optional<DeviceGroup> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public Optional<DeviceGroup> findByName(String orgId, String name) {
        return find("orgId = ?1 and name = ?2", orgId, name).firstResultOptional();
    }

    public List<DeviceGroup> page(String orgId, Keyset<DeviceGroup> page) {
        SqlParameters params = new SqlParameters();
        String hql = "from DeviceGroup g where g.orgId = " + params.bind(orgId) + page.andOrderBy(params);
        return find(hql, params.values()).page(0, page.fetch()).list();
    }

    public void addMember(UUID groupId, UUID deviceId) {
        getEntityManager().createNativeQuery("INSERT INTO device_group_member (group_id, device_id) VALUES (:g, :d) "
                + "ON CONFLICT DO NOTHING").setParameter("g", groupId).setParameter("d", deviceId).executeUpdate();
    }

    public void removeMember(UUID groupId, UUID deviceId) {
        getEntityManager().createNativeQuery("DELETE FROM device_group_member WHERE group_id = :g AND device_id = :d")
                .setParameter("g", groupId).setParameter("d", deviceId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> members(UUID groupId) {
        return getEntityManager().createNativeQuery("SELECT device_id FROM device_group_member WHERE group_id = :g "
                + "ORDER BY device_id").setParameter("g", groupId).getResultList();
    }
}
