package io.edgefleet.gitops.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandRequested;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.gitops.compliance.ComplianceStore;
import io.edgefleet.gitops.config.GitOpsConfig;
import io.edgefleet.gitops.configuration.Configuration;
import io.edgefleet.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells due machines, at most {@code edgefleet.gitops.nudges-per-second} a second, that their
 * configurations changed: a {@code sync-configurations} command through the outbox (the agent
 * then fetches its set), only when the set's fingerprint differs from the one the machine was
 * last told of or fetched. Several replicas share the queue (rows locked, skipped when taken). The
 * request carries no idempotency key: its event id already makes a redelivery harmless, and a set
 * that changes back to an earlier fingerprint must be told again.
 */
@ApplicationScoped
public class DeliveryNudges {

    private static final Logger LOG = Logger.getLogger(DeliveryNudges.class);

    private final EntityManager entityManager;
    private final DesiredSets sets;
    private final ComplianceStore compliance;
    private final Outbox outbox;
    private final GitOpsConfig config;
    private final Clock clock;

    public DeliveryNudges(EntityManager entityManager, DesiredSets sets, ComplianceStore compliance, Outbox outbox,
                          GitOpsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.sets = sets;
        this.compliance = compliance;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        nudgeDue();
    }

    /**
     * One second's worth of due machines, each in its own transaction: a machine whose set cannot
     * be computed or told is logged and put back for a minute, and the others are told.
     *
     * @return how many were told
     */
    int nudgeDue() {
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("SELECT device_id FROM "
                + "gitops_delivery WHERE due_at IS NOT NULL ORDER BY due_at LIMIT :n", UUID.class)
                .setParameter("n", config.nudgesPerSecond()).getResultList());
        Map<String, List<Configuration>> configurations = new HashMap<>();
        int told = 0;
        for (UUID device : due) {
            try {
                told += QuarkusTransaction.requiringNew().call(() -> nudge(device, configurations)) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.errorf(e, "machine %s could not be told of its GitOps configurations; trying again in a minute", device);
                configurations.clear();
                QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                                "UPDATE gitops_delivery SET due_at = :later WHERE device_id = :d")
                        .setParameter("later", OffsetDateTime.now(clock).plusMinutes(1)).setParameter("d", device).executeUpdate());
            }
        }
        return told;
    }

    /** Tells the machine when its set moved; false when it was taken by another replica or had nothing new. */
    private boolean nudge(UUID device, Map<String, List<Configuration>> configurations) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT org_id, announced FROM gitops_delivery WHERE device_id = :d "
                + "AND due_at IS NOT NULL FOR UPDATE SKIP LOCKED").setParameter("d", device).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        String org = (String) rows.get(0)[0];
        String announced = (String) rows.get(0)[1];
        Optional<DesiredSets.Desired> desired = sets.of(org, device, configurations.computeIfAbsent(org, sets::configurations), false);
        String fingerprint = desired.map(d -> d.set().fingerprint()).orElse(null);
        desired.ifPresent(d -> compliance.reconcile(org, d));
        // A machine that never held anything and still holds nothing has nothing to be told.
        boolean nothingYet = announced == null && desired.map(d -> d.set().configurations().isEmpty()).orElse(true);
        boolean tell = fingerprint != null && !fingerprint.equals(announced) && !nothingYet;
        if (tell) {
            outbox.record(EventType.COMMAND_REQUESTED, org, device.toString(), new CommandRequested(device.toString(),
                    CommandType.SYNC_CONFIGURATIONS, JsonNodeFactory.instance.objectNode().put("fingerprint", fingerprint),
                    config.nudgeTtl().toSeconds(), null, "gitops-service"));
        }
        entityManager.createNativeQuery("UPDATE gitops_delivery SET due_at = NULL, announced = COALESCE(:f, announced), "
                        + "announced_at = CASE WHEN :tell THEN :now ELSE announced_at END WHERE device_id = :d")
                .setParameter("f", fingerprint).setParameter("tell", tell)
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("d", device).executeUpdate();
        return tell;
    }
}
