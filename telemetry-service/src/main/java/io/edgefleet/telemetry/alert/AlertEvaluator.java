package io.edgefleet.telemetry.alert;

import io.edgefleet.messaging.tx.AdvisoryLocks;
import io.edgefleet.projection.read.ProjectedDevices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates every rule and moves its alerts through pending → firing → resolved. Each rule is
 * evaluated in a transaction of its own under a PostgreSQL advisory lock on the rule, so replicas
 * share the work and never evaluate one rule twice at once; state and events commit together.
 */
@ApplicationScoped
public class AlertEvaluator {

    /** The advisory-lock purpose under which one replica at a time evaluates a rule. */
    static final String RULE_LOCK = "alert-rule";

    private final EntityManager entityManager;
    private final AlertConditions conditions;
    private final Silences silences;
    private final AlertNotifier notifier;
    private final ProjectedDevices devices;
    private final AdvisoryLocks locks;
    private final Clock clock;

    public AlertEvaluator(EntityManager entityManager, AlertConditions conditions, Silences silences, AlertNotifier notifier,
                          ProjectedDevices devices, AdvisoryLocks locks, Clock clock) {
        this.entityManager = entityManager;
        this.conditions = conditions;
        this.silences = silences;
        this.notifier = notifier;
        this.devices = devices;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(every = "${edgefleet.telemetry.alert-evaluation-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        evaluate(clock.instant());
    }

    /** Evaluates every rule as of {@code now}; returns how many alerts fired or resolved. */
    public int evaluate(Instant now) {
        List<UUID> rules = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT id FROM AlertRule ORDER BY id", UUID.class).getResultList());
        int changed = 0;
        for (UUID rule : rules) {
            changed += QuarkusTransaction.requiringNew().call(() -> evaluate(rule, now));
        }
        return changed;
    }

    private int evaluate(UUID ruleId, Instant now) {
        AlertRule rule = entityManager.find(AlertRule.class, ruleId);
        if (rule == null || !locks.tryLock(RULE_LOCK, ruleId.toString())) {
            return 0;
        }
        Map<UUID, Alert> open = new HashMap<>();
        openAlerts(ruleId).forEach(a -> open.put(a.deviceId, a));
        List<Silence> inForce = silences.active(rule.orgId, now);
        int changed = 0;
        for (Map.Entry<UUID, Double> breach : conditions.breaching(rule, now).entrySet()) {
            Alert alert = open.remove(breach.getKey());
            changed += breaking(rule, alert == null ? pending(rule, breach.getKey(), now) : alert, breach.getValue(), inForce, now);
        }
        for (Alert cleared : open.values()) {
            changed += cleared(cleared, now);
        }
        return changed;
    }

    private int breaking(AlertRule rule, Alert alert, double value, List<Silence> inForce, Instant now) {
        alert.value = value;
        alert.summary = Summaries.of(rule, value);
        alert.updatedAt = at(now);
        int changed = 0;
        if (Alert.PENDING.equals(alert.state) && !now.isBefore(alert.pendingSince.toInstant().plusSeconds(rule.forSeconds))) {
            alert.state = Alert.FIRING;
            alert.startedAt = at(now);
            changed = 1;
        }
        if (Alert.FIRING.equals(alert.state)) {
            alert.silenced = silences.mutes(inForce, alert);
            if (!alert.silenced && !alert.notified) {
                notifier.firing(alert, now);
            }
        }
        return changed;
    }

    /** The condition no longer holds: a pending alert never was, a firing one is resolved. */
    private int cleared(Alert alert, Instant now) {
        if (Alert.PENDING.equals(alert.state)) {
            entityManager.remove(alert);
            return 0;
        }
        resolve(alert, now);
        return 1;
    }

    /** Resolves a firing alert now (also when its rule changes or goes). */
    void resolve(Alert alert, Instant now) {
        alert.state = Alert.RESOLVED;
        alert.resolvedAt = at(now);
        alert.updatedAt = at(now);
        notifier.resolved(alert, now);
    }

    /** The pending or firing alerts of a rule, for resolving or deleting them with it. */
    List<Alert> openAlerts(UUID ruleId) {
        return entityManager.createQuery("FROM Alert WHERE ruleId = :rule AND state IN ('pending', 'firing')", Alert.class)
                .setParameter("rule", ruleId).getResultList();
    }

    private Alert pending(AlertRule rule, UUID deviceId, Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.orgId = rule.orgId;
        alert.ruleId = rule.id;
        alert.ruleName = rule.name;
        alert.ruleKind = rule.kind;
        alert.severity = rule.severity;
        alert.deviceId = deviceId;
        alert.deviceName = devices.name(rule.orgId, deviceId).orElse(null);
        alert.state = Alert.PENDING;
        alert.pendingSince = at(now);
        alert.summary = "";
        alert.updatedAt = at(now);
        entityManager.persist(alert);
        return alert;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
