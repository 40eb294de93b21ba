package io.edgefleet.messaging.admin;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.messaging.consumer.DeadLetterReplay;
import io.edgefleet.messaging.outbox.ParkedEventStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * An admin's replays, audited. A parked event goes back to the outbox in the transaction that
 * records it; a dead letter runs through its consumer in the consumer's own transactions (what it
 * changes is audited there, with the admin as actor), and the replay and its outcome after.
 */
@ApplicationScoped
public class AdminReplays {

    private final DeadLetterReplay deadLetters;
    private final ParkedEventStore parked;
    private final AuditTrail audit;

    public AdminReplays(DeadLetterReplay deadLetters, ParkedEventStore parked, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.parked = parked;
        this.audit = audit;
    }

    public DeadLetterReplay.Outcome deadLetter(String org, UUID id, String actor) {
        try {
            DeadLetterReplay.Outcome outcome = deadLetters.replay(org, id, actor);
            audited(org, id, outcome.outcome());
            return outcome;
        } catch (FleetException refused) {
            // Only a replay that ran (and failed again) changed the dead letter; an unknown id changed nothing.
            if (refused.errorCode() == CommonErrorCode.REPLAY_FAILED) {
                audited(org, id, "failed: " + refused.getMessage());
            }
            throw refused;
        }
    }

    @Transactional
    public ParkedEventStore.ParkedEvent parkedEvent(String org, UUID id, String actor) {
        ParkedEventStore.ParkedEvent event = parked.replay(org, id, actor);
        audit.record(org, "admin.parked-event.replayed", "parked-event", id.toString(), null,
                Map.of("type", event.type(), "topic", event.topic()));
        return event;
    }

    private void audited(String org, UUID id, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(org, "admin.dead-letter.replayed", "dead-letter",
                id.toString(), null, Map.of("outcome", outcome)));
    }
}
