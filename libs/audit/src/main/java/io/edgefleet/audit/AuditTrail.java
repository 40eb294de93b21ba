package io.edgefleet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.audit.AuditRecorded.Actor;
import io.edgefleet.events.audit.AuditRecorded.Change;
import io.edgefleet.events.audit.AuditRecorded;
import io.edgefleet.messaging.outbox.DirectEvents;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.messaging.outbox.OutboxRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one audit trail. Every event a service records through the outbox is audited beside it, in
 * the same transaction ({@link #onRecorded}); a change that records no event calls {@link #record}
 * in its own transaction; refusals of a caller are published as they are answered
 * ({@link #refused}). All of it goes to {@code fleet.audit.events}.
 */
@ApplicationScoped
public class AuditTrail {

    /** The organization a refusal is filed under when the caller could not be authenticated. */
    public static final String NO_ORGANIZATION = "-";
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final Outbox outbox;
    private final DirectEvents direct;
    private final Actors actors;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter lostRefusals;

    AuditTrail(Outbox outbox, DirectEvents direct, Actors actors, ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.direct = direct;
        this.actors = actors;
        this.json = json;
        this.clock = clock;
        this.lostRefusals = Counter.builder("edgefleet_audit_refusals_lost_total")
                .description("Refusals (401/403) whose audit event Kafka did not take").register(registry);
    }

    /**
     * Records a change that publishes no event of its own (an enrollment token, an alert rule),
     * in the caller's transaction. The states are records, maps or entities of plain fields; the
     * fields that differ are listed. Never pass a secret: name it, do not quote it.
     *
     * @param action e.g. {@code telemetry.alert-rule.updated}: lower case, dots and hyphens
     * @param before the resource as it was, null for a creation
     * @param after the resource as it is now, null for a deletion
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String orgId, String action, String resourceType, String resourceId, Object before, Object after) {
        publish(orgId, action, resourceType, resourceId, Changes.between(fields(before), fields(after)));
    }

    /** A copy of a resource's fields as they are now, to pass as {@code before} once it has changed. */
    public Object snapshot(Object state) {
        return json.valueToTree(state);
    }

    private Map<String, JsonNode> fields(Object state) {
        if (state == null) {
            return Map.of();
        }
        JsonNode tree = json.valueToTree(state);
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        tree.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    void onRecorded(@Observes OutboxRecorded recorded) {
        if (recorded.type() == EventType.AUDIT_RECORDED) {
            return;
        }
        JsonNode data = read(recorded.dataJson());
        AuditedEvents.of(recorded.type(), recorded.subject(), data).ifPresent(subject -> publish(recorded.orgId(),
                subject.action(), subject.resourceType(), subject.resourceId(), Changes.of(data)));
    }

    /**
     * A caller refused with 401 (its credentials) or 403 (its role). Published off the request
     * thread: a refusal never waits for Kafka, and one Kafka did not take is counted.
     */
    void refused(boolean unauthenticated, String code) {
        RequestOrigin.Origin origin = actors.request();
        if (unauthenticated) {
            publishRefusal(actors.anonymous(), NO_ORGANIZATION, "security.authentication-failed", code, origin);
            return;
        }
        actors.caller().subscribe().with(
                identity -> publishRefusal(actors.of(identity), Actors.organization(identity).orElse(NO_ORGANIZATION),
                        "security.access-denied", code, origin),
                failure -> publishRefusal(actors.anonymous(), NO_ORGANIZATION, "security.access-denied", code, origin));
    }

    /**
     * A caller refused outside JAX-RS, before any identity (a WebSocket upgrade refused by a
     * route handler): published like a REST refusal, under a request id of its own.
     */
    public void refusedBeforeRouting(String code, String method, String path, String sourceAddress) {
        publishRefusal(actors.anonymous(), NO_ORGANIZATION, "security.authentication-failed", code,
                new RequestOrigin.Origin(java.util.UUID.randomUUID().toString(), sourceAddress, method, path));
    }

    private void publishRefusal(Actor actor, String orgId, String action, String code, RequestOrigin.Origin origin) {
        AuditRecorded entry = entry(actor, origin, action, "request", null, AuditRecorded.DENIED, code, List.of());
        Infrastructure.getDefaultWorkerPool().execute(() -> direct.publish(EventType.AUDIT_RECORDED, orgId, orgId, entry)
                .exceptionally(failure -> {
                    lostRefusals.increment();
                    LOG.warnf("audit of a refused request %s not published: %s", entry.requestId(), failure.getMessage());
                    return null;
                }));
    }

    private void publish(String orgId, String action, String resourceType, String resourceId, List<Change> changes) {
        AuditRecorded entry = entry(actors.current(), actors.request(), action, resourceType, resourceId, AuditRecorded.SUCCEEDED,
                null, changes);
        outbox.record(EventType.AUDIT_RECORDED, orgId, resourceId == null ? orgId : resourceId, entry);
    }

    private AuditRecorded entry(Actor actor, RequestOrigin.Origin request, String action, String resourceType,
                                String resourceId, String outcome, String code, List<Change> changes) {
        return new AuditRecorded(actor, action, resourceType, resourceId, outcome, code, changes,
                request == null ? null : request.requestId(), request == null ? null : request.sourceAddress(),
                request == null ? null : request.method(), request == null ? null : request.path(), actors.service(),
                clock.instant());
    }

    private JsonNode read(String dataJson) {
        try {
            return dataJson == null ? null : json.readTree(dataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outbox recorded data that is not JSON", e);
        }
    }
}
