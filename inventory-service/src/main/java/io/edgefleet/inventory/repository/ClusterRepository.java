package io.edgefleet.inventory.repository;

import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.Cluster;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClusterRepository implements PanacheRepositoryBase<Cluster, UUID> {

    public Optional<Cluster> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public Optional<Cluster> findByName(String orgId, String name) {
        return find("orgId = ?1 and name = ?2", orgId, name).firstResultOptional();
    }

    public List<Cluster> page(String orgId, LabelSelector selector, Optional<String> distribution, Keyset<Cluster> page) {
        SqlParameters params = new SqlParameters();
        StringBuilder sql = new StringBuilder("SELECT * FROM cluster c WHERE c.org_id = ").append(params.bind(orgId))
                .append(" AND ").append(selector.toSql("c.labels", params));
        distribution.ifPresent(d -> sql.append(" AND c.distribution = ").append(params.bind(d)));
        sql.append(page.andOrderBy(params))
                .append(" LIMIT ").append(params.bind(page.fetch()));
        Query query = getEntityManager().createNativeQuery(sql.toString(), Cluster.class);
        params.values().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Cluster> clusters = query.getResultList();
        return clusters;
    }
}
