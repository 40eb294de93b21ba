package io.edgefleet.provisioning.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.provisioning.domain.Enrollment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<Enrollment, UUID> {

    public Optional<Enrollment> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public List<Enrollment> page(String orgId, Optional<Enrollment.Status> status, Keyset<Enrollment> page) {
        SqlParameters params = new SqlParameters();
        StringBuilder hql = new StringBuilder("from Enrollment e where e.orgId = ").append(params.bind(orgId));
        status.ifPresent(s -> hql.append(" and e.status = ").append(params.bind(s)));
        hql.append(page.andOrderBy(params));
        return find(hql.toString(), params.values()).page(0, page.fetch()).list();
    }
}
