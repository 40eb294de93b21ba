package io.edgefleet.inventory.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.RoleBinding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoleBindingRepository implements PanacheRepositoryBase<RoleBinding, UUID> {

    public Optional<RoleBinding> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public boolean nameTaken(String orgId, String name, UUID except) {
        return count("orgId = ?1 and name = ?2 and id <> ?3", orgId, name, except) > 0;
    }

    public List<RoleBinding> page(String orgId, Optional<String> name, Keyset<RoleBinding> page) {
        SqlParameters params = new SqlParameters();
        String hql = "from RoleBinding b where b.orgId = " + params.bind(orgId)
                + name.map(n -> " and b.name = " + params.bind(n)).orElse("") + page.andOrderBy(params);
        return find(hql, params.values()).page(0, page.fetch()).list();
    }
}
