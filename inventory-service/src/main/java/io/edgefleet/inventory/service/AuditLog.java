package io.edgefleet.inventory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.audit.AuditRecorded;
import io.edgefleet.inventory.config.AuditLogConfig;
import io.edgefleet.inventory.repository.AuditRepository.After;
import io.edgefleet.inventory.repository.AuditRepository.AuditFilter;
import io.edgefleet.inventory.repository.AuditRepository.StoredEntry;
import io.edgefleet.inventory.repository.AuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The fleet-wide audit log: what every service published on {@code fleet.audit.events}, kept
 * for the configured retention and read by admins of the organization it belongs to.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final AuditRepository entries;
    private final AuditLogConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(AuditRepository entries, AuditLogConfig config, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps one audit event (in the consumer's transaction); a redelivery stores nothing twice. */
    public void keep(String eventId, String orgId, AuditRecorded entry) {
        if (entry.actor() == null || entry.at() == null) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "an audit entry names its actor and time");
        }
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "an audit event's id is a UUID");
        }
        try {
            String changes = json.writeValueAsString(entry.changes() == null ? List.of() : entry.changes());
            entries.append(id, orgId, entry, changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes not serializable", e);
        }
    }

    @Transactional
    public List<StoredEntry> page(String orgId, AuditFilter filter, Optional<After> after, int limit) {
        return entries.page(orgId, filter, after, limit);
    }

    /** Deletes entries past their retention, one bounded batch per transaction. */
    @Scheduled(every = "${edgefleet.audit.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    public int purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entries.purgeOlderThan(cutoff, config.purgeBatch()));
            total += deleted;
        } while (deleted == config.purgeBatch());
        if (total > 0) {
            LOG.infof("purged %d audit entries older than %s", total, cutoff);
        }
        return total;
    }
}
