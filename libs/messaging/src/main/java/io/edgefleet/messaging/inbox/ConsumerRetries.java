package io.edgefleet.messaging.inbox;

import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How {@link io.edgefleet.messaging.consumer.EventConsumer} treats a failing event: poison is
 * rethrown at once (to be dead-lettered); any other failure (the database briefly away) is
 * retried with exponential backoff and rethrown, to be dead-lettered and kept for replay, only
 * after {@link InboxConfig#maxAttempts()}. Also counts every consumed event by outcome.
 */
@ApplicationScoped
public class ConsumerRetries {

    private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);

    private final InboxConfig config;
    private final MeterRegistry registry;

    public ConsumerRetries(InboxConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** Runs {@code work} (its own transaction) until it succeeds; counts and returns its outcome. */
    public String run(String consumer, String eventId, Supplier<String> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                String outcome = work.get();
                count(consumer, outcome);
                return outcome;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                DataFailures.refusal(e).ifPresent(refusal -> {
                    throw new PoisonEventException(PoisonEventException.INVALID_EVENT_DATA,
                            "the database refuses the event's data: " + refusal);
                });
                if (attempt >= config.maxAttempts()) {
                    throw e;
                }
                LOG.warnf("%s: event %s failed (attempt %d), retrying: %s", consumer, eventId, attempt, e.getMessage());
                count(consumer, "retried");
                backoff(attempt);
            }
        }
    }

    /**
     * Runs {@code work} until it succeeds, however long that takes: for work without which the
     * consumer must not move on (keeping a dead letter while the database is away).
     */
    public void untilDone(String consumer, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s: failed (attempt %d), retrying: %s", consumer, attempt, e.getMessage());
                backoff(attempt);
            }
        }
    }

    /** Counts one consumed event by outcome: processed, duplicate, ignored, retried, dead_lettered. */
    public void count(String consumer, String outcome) {
        Counter.builder("edgefleet_events_consumed").description("Events consumed, by consumer and outcome")
                .tags("consumer", consumer, "outcome", outcome).register(registry).increment();
    }

    private void backoff(int attempt) {
        long delay = Math.min(config.maxBackoff().toMillis(), config.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
