package io.edgefleet.provisioning.repository;

import io.edgefleet.core.labels.SqlParameters;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.provisioning.domain.Command;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CommandRepository implements PanacheRepositoryBase<Command, UUID> {

    public Optional<Command> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public Optional<Command> findByIdempotencyKey(UUID deviceId, String key) {
        return find("deviceId = ?1 and idempotencyKey = ?2", deviceId, key).firstResultOptional();
    }

    /** The (device id, idempotency key) pairs among {@code deviceIds} × {@code keys} that name a command of the organization. */
    public List<Object[]> idempotencyKeysInUse(String orgId, Collection<UUID> deviceIds, Collection<String> keys) {
        return getEntityManager().createQuery("select c.deviceId, c.idempotencyKey from Command c "
                + "where c.orgId = :org and c.deviceId in :devices and c.idempotencyKey in :keys", Object[].class)
                .setParameter("org", orgId).setParameter("devices", deviceIds).setParameter("keys", keys).getResultList();
    }

    public Optional<Command> findByClusterIdempotencyKey(String orgId, UUID clusterId, String key) {
        return find("orgId = ?1 and clusterId = ?2 and idempotencyKey = ?3", orgId, clusterId, key).firstResultOptional();
    }

    /** Cluster commands still waiting for an agent, oldest first, locked: those to move off an offline machine. */
    public List<Command> lockClusterCommandsWaiting(int page, int limit) {
        return find("clusterId is not null and status in ?1 order by createdAt, id",
                List.of(CommandStatus.QUEUED, CommandStatus.DELIVERED))
                .page(page, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Which commands a dispatch hands out besides the queued ones. */
    public enum Redelivery {
        /** Only queued commands: a push while the session is up. */
        NONE(List.of(CommandStatus.QUEUED)),
        /** Also delivered but unacknowledged ones: an HTTP poll. */
        UNACKNOWLEDGED(List.of(CommandStatus.QUEUED, CommandStatus.DELIVERED)),
        /**
         * Every unfinished one: a new session. An agent whose result was lost with the old session
         * answers again from its ledger; one still running it ignores the repeat.
         */
        UNFINISHED(List.of(CommandStatus.QUEUED, CommandStatus.DELIVERED, CommandStatus.ACKNOWLEDGED, CommandStatus.RUNNING));

        final List<CommandStatus> statuses;

        Redelivery(List<CommandStatus> statuses) {
            this.statuses = statuses;
        }
    }

    /** Commands to hand the device, in order, locked so two dispatchers of one device take turns. */
    public List<Command> lockPending(UUID deviceId, Redelivery redelivery) {
        return find("deviceId = ?1 and status in ?2 order by seq", deviceId, redelivery.statuses)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<Command> lockOverdue(OffsetDateTime now, int limit) {
        return find("status in ?1 and expiresAt <= ?2 order by expiresAt",
                List.of(CommandStatus.QUEUED, CommandStatus.DELIVERED), now)
                .page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<Command> page(String orgId, UUID deviceId, Optional<CommandStatus> status, Keyset<Command> page) {
        SqlParameters params = new SqlParameters();
        StringBuilder hql = new StringBuilder("from Command c where c.orgId = ").append(params.bind(orgId))
                .append(" and c.deviceId = ").append(params.bind(deviceId));
        status.ifPresent(s -> hql.append(" and c.status = ").append(params.bind(s)));
        hql.append(page.andOrderBy(params));
        return find(hql.toString(), params.values()).page(0, page.fetch()).list();
    }
}
