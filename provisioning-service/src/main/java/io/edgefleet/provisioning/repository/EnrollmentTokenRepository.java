package io.edgefleet.provisioning.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.provisioning.domain.EnrollmentToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentTokenRepository implements PanacheRepositoryBase<EnrollmentToken, UUID> {

    public Optional<EnrollmentToken> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    /** Locks the row: concurrent enrollments on a single-use token must not both succeed. */
    public Optional<EnrollmentToken> findForUse(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<EnrollmentToken> page(String orgId, Keyset<EnrollmentToken> page) {
        SqlParameters params = new SqlParameters();
        String hql = "from EnrollmentToken t where t.orgId = " + params.bind(orgId) + page.andOrderBy(params);
        return find(hql, params.values()).page(0, page.fetch()).list();
    }
}
