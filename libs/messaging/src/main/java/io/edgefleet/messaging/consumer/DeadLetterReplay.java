package io.edgefleet.messaging.consumer;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Replays a dead letter through the consumer that refused it, exactly as if Kafka delivered the
 * record again: the same routes, schema checks and inbox, so a replay of something already
 * applied changes nothing. Every replay is recorded on the dead letter (when, who, outcome).
 */
@ApplicationScoped
public class DeadLetterReplay {

    private final DeadLetterStore store;
    private final EventConsumer consumer;

    public DeadLetterReplay(DeadLetterStore store, EventConsumer consumer) {
        this.store = store;
        this.consumer = consumer;
    }

    /** What a replay did: {@code processed}, {@code duplicate} or {@code ignored}; failures throw. */
    public record Outcome(UUID id, String consumer, String outcome) {
    }

    public Outcome replay(String org, UUID id, String actor) {
        DeadLetterStore.DeadLetter letter = store.find(org, id).orElseThrow(() ->
                new FleetException(CommonErrorCode.NOT_FOUND, "no dead letter " + id));
        EventRoutes routes = consumer.routesOf(letter.consumer()).orElseThrow(() -> new FleetException(
                CommonErrorCode.CONFLICT, "consumer " + letter.consumer() + " does not run in this service"));
        try {
            String outcome = consumer.process(routes, record(letter));
            store.markReplayed(id, actor, outcome);
            return new Outcome(id, letter.consumer(), outcome);
        } catch (PoisonEventException e) {
            store.markReplayed(id, actor, "failed: " + e.code() + " " + e.getMessage());
            throw new FleetException(CommonErrorCode.REPLAY_FAILED, e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            store.markReplayed(id, actor, "failed: " + e);
            throw new FleetException(CommonErrorCode.REPLAY_FAILED, "the consumer still cannot apply it: " + e.getMessage());
        }
    }

    private static ConsumerRecord<String, byte[]> record(DeadLetterStore.DeadLetter letter) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(),
                letter.key(), letter.value());
        letter.headers().forEach(h -> record.headers().add(h.name(), h.value()));
        return record;
    }
}
