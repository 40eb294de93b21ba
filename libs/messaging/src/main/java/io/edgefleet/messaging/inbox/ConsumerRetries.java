package io.edgefleet.messaging.inbox;

import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How every consumer treats a failing event: poison is rethrown at once (the channel's
 * dead-letter strategy moves it to {@code <topic>.dlq}); any other failure (the database briefly
 * away) is retried with exponential backoff and dead-lettered, kept for replay, only after
 * {@link InboxConfig#maxAttempts()}. Consumers whose writes are idempotent by themselves use it
 * directly; the {@link Inbox} uses it around its exactly-once bookkeeping.
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

    /** Runs {@code work} (its own transaction) until it succeeds; returns its outcome for the consumed-events counter. */
    public void run(String consumer, String eventId, Supplier<String> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                count(consumer, work.get());
                return;
            } catch (PoisonEventException e) {
                count(consumer, "dead_lettered");
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    count(consumer, "dead_lettered");
                    throw e;
                }
                LOG.warnf("%s: event %s failed (attempt %d), retrying: %s", consumer, eventId, attempt, e.getMessage());
                count(consumer, "retried");
                backoff(attempt);
            }
        }
    }

    /** Counts an event that never reached {@link #run}, e.g. one that could not be decoded. */
    public void deadLettered(String consumer) {
        count(consumer, "dead_lettered");
    }

    private void count(String consumer, String outcome) {
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
