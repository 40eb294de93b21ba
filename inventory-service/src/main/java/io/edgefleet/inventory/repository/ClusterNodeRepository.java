package io.edgefleet.inventory.repository;

import io.edgefleet.inventory.domain.ClusterNode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClusterNodeRepository implements PanacheRepositoryBase<ClusterNode, UUID> {

    public List<ClusterNode> ofCluster(UUID clusterId) {
        return list("clusterId = ?1 order by name", clusterId);
    }

    public List<ClusterNode> ofDevice(UUID deviceId) {
        return list("deviceId = ?1 order by name", deviceId);
    }

    /** The cluster's nodes of these names, whichever machine reported them. */
    public List<ClusterNode> named(UUID clusterId, java.util.Collection<String> names) {
        return names.isEmpty() ? List.of() : list("clusterId = ?1 and name in ?2", clusterId, names);
    }

    public long countInCluster(UUID clusterId) {
        return count("clusterId", clusterId);
    }
}
