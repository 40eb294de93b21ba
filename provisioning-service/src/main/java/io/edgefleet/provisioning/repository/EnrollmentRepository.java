package io.edgefleet.provisioning.repository;

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

    public List<Enrollment> page(String orgId, Optional<Enrollment.Status> status, Optional<UUID> after, int limit) {
        String query = "orgId = :org" + status.map(s -> " and status = :status").orElse("")
                + after.map(a -> " and id > :after").orElse("") + " order by id";
        var params = io.quarkus.panache.common.Parameters.with("org", orgId);
        status.ifPresent(s -> params.and("status", s));
        after.ifPresent(a -> params.and("after", a));
        return find(query, params).page(0, limit).list();
    }
}
