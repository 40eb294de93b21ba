package io.edgefleet.messaging.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.cloudevents.EventSchemas;
import io.edgefleet.messaging.cloudevents.PoisonEventException;
import io.edgefleet.messaging.inbox.ConsumerRetries;
import io.edgefleet.messaging.inbox.Inbox;
import io.edgefleet.messaging.tracing.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one way a service consumes a Kafka record. Whatever the record holds, this returns
 * normally, so the connector commits and moves on: the record is applied, skipped (a type the
 * consumer has no route for, or a redelivery the inbox recognises), or dead-lettered
 * ({@link DeadLetters}) with a stable code and a reason. Nothing a record contains can fail the
 * channel, and with it the service's health.
 *
 * <p>Poison — undecodable, data off its type's JSON Schema (whose bounds are core's Limits), or a {@link FleetException} with a 4xx code from
 * the domain — is dead-lettered at once. Other failures (the database briefly away) are retried
 * with backoff ({@link ConsumerRetries}) and dead-lettered, kept for replay, when they persist.
 * Each record is handled in a consumer span joined to the trace it carries ({@link EventTracing}).
 */
@ApplicationScoped
public class EventConsumer {

    /** Records of a batch applied between two flushes of what they stored. */
    static final int WRITE_EVERY = 100;

    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final ConsumerRetries retries;
    private final DeadLetters deadLetters;
    private final EventSchemas schemas;
    private final EventTracing tracing;
    private final Map<String, EventRoutes> registered = new ConcurrentHashMap<>();
    private final EntityManager entityManager;

    public EventConsumer(CloudEventCodec codec, Inbox inbox, ConsumerRetries retries, DeadLetters deadLetters,
                         EventSchemas schemas, EventTracing tracing, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.tracing = tracing;
        this.schemas = schemas;
        this.inbox = inbox;
        this.retries = retries;
        this.deadLetters = deadLetters;
    }

    /** Makes {@code routes} known by consumer name, so its dead letters can be replayed through it. */
    public EventRoutes register(EventRoutes routes) {
        registered.put(routes.consumer(), routes);
        return routes;
    }

    Optional<EventRoutes> routesOf(String consumer) {
        return Optional.ofNullable(registered.get(consumer));
    }

    public void consume(EventRoutes routes, ConsumerRecord<String, byte[]> record) {
        String consumer = routes.consumer();
        tracing.consume(consumer, record, () -> {
            try {
                return process(routes, record);
            } catch (PoisonEventException e) {
                deadLetters.record(consumer, record, e.code(), e.getMessage());
                EventTracing.failed("dead-lettered: " + e.code());
            } catch (RuntimeException | StackOverflowError e) {
                deadLetters.record(consumer, record, DeadLetters.RETRIES_EXHAUSTED, e.toString());
                EventTracing.failed("dead-lettered: " + DeadLetters.RETRIES_EXHAUSTED);
            }
            return "dead-lettered";
        });
    }

    /**
     * Applies the records of one poll in one transaction, so a burst (a rollout's thousands of
     * command requests) costs one commit rather than one per record. What cannot join the batch —
     * a record that does not decode or meet its schema, a tombstone, a type without a route — goes
     * the one-by-one way of {@link #consume}. If the batch fails as a whole it is rolled back and
     * each of its records is applied on its own: one bad record still only dead-letters itself,
     * and none is applied twice.
     */
    public void consumeBatch(EventRoutes routes, List<ConsumerRecord<String, byte[]>> records) {
        List<Decoded<?>> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            decoded(routes, record).ifPresentOrElse(batch::add, () -> consume(routes, record));
        }
        if (batch.isEmpty()) {
            return;
        }
        String consumer = routes.consumer();
        List<String> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> applyBatch(consumer, batch));
        } catch (RuntimeException e) {
            batch.forEach(d -> consume(routes, d.record()));
            return;
        }
        outcomes.forEach(outcome -> retries.count(consumer, outcome));
    }

    /** Applies the batch in the caller's transaction; the outcome of each record, in order. */
    private List<String> applyBatch(String consumer, List<Decoded<?>> batch) {
        Set<String> claimed = claimed(consumer, batch);
        readAhead(batch);
        List<String> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Decoded<?> decoded = batch.get(i);
            outcomes.add(tracing.consume(consumer, decoded.record(), () -> applyDecoded(decoded, claimed)));
            if ((i + 1) % WRITE_EVERY == 0) {
                // Written (in JDBC batches) and let go every so often: with hundreds of records in one
                // transaction, every query would otherwise flush and dirty-check all stored so far.
                entityManager.flush();
                entityManager.clear();
            }
        }
        return outcomes;
    }

    /** A record ready to be applied in a batch. */
    private record Decoded<T>(ConsumerRecord<String, byte[]> record, CloudEvent event, EventRoutes.Route<T> route, T data) {
    }

    private Optional<Decoded<?>> decoded(EventRoutes routes, ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent event = codec.decode(record);
            Optional<EventRoutes.Route<?>> route = event.isTombstone() ? Optional.empty() : routes.route(event.type());
            return route.map(r -> decoded(record, event, r));
        } catch (RuntimeException e) {
            return Optional.empty(); // consume() dead-letters it with the reason
        }
    }

    private <T> Decoded<T> decoded(ConsumerRecord<String, byte[]> record, CloudEvent event, EventRoutes.Route<T> route) {
        JsonNode tree = codec.tree(event);
        schemas.require(route.type(), tree);
        return new Decoded<>(record, event, route, codec.data(event, tree, route.dataType()));
    }

    /** Each route's reader, if it has one, gets the data of its records (claimed or not: it only reads). */
    private static void readAhead(List<Decoded<?>> batch) {
        Map<EventRoutes.Route<?>, List<Decoded<?>>> byRoute = new LinkedHashMap<>();
        batch.stream().filter(d -> d.route().reader() != null)
                .forEach(d -> byRoute.computeIfAbsent(d.route(), r -> new ArrayList<>()).add(d));
        byRoute.values().forEach(EventConsumer::readAheadOfRoute);
    }

    @SuppressWarnings("unchecked")
    private static <T> void readAheadOfRoute(List<Decoded<?>> records) {
        EventRoutes.Route<T> route = (EventRoutes.Route<T>) records.get(0).route();
        route.reader().readAhead(records.stream().map(d -> new EventRoutes.Received<>(d.event(), (T) d.data())).toList());
    }

    /** The batch's inbox claims in one statement, rather than one per record. */
    private Set<String> claimed(String consumer, List<Decoded<?>> batch) {
        return new HashSet<>(inbox.claimAll(consumer, batch.stream().filter(d -> d.route().inbox())
                .map(d -> d.event().id()).toList()));
    }

    private <T> String applyDecoded(Decoded<T> decoded, Set<String> claimed) {
        // Removed once used: a record the poll holds twice is applied for its first occurrence only.
        if (decoded.route().inbox() && !claimed.remove(decoded.event().id())) {
            return "duplicate";
        }
        handle(decoded.event(), decoded.data(), decoded.route().handler());
        return "processed";
    }

    /** Applies {@code record} and returns the outcome (processed, duplicate, ignored); throws what made it fail. */
    String process(EventRoutes routes, ConsumerRecord<String, byte[]> record) {
        String consumer = routes.consumer();
        CloudEvent event = codec.decode(record);
        Optional<EventRoutes.TombstoneHandler> tombstone = event.isTombstone() ? routes.tombstone(event.type())
                : Optional.empty();
        if (tombstone.isPresent()) {
            // Same transaction, retries and poison rules as any other event; no data to read.
            EventRoutes.Handler<Void> deleted = (e, none) -> tombstone.get().deleted(e);
            return retries.run(consumer, event.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
                handle(event, null, deleted);
                return "processed";
            }));
        }
        Optional<EventRoutes.Route<?>> route = routes.route(event.type());
        if (route.isEmpty()) {
            retries.count(consumer, "ignored");
            return "ignored";
        }
        return apply(consumer, event, route.get());
    }

    private <T> String apply(String consumer, CloudEvent event, EventRoutes.Route<T> route) {
        JsonNode tree = codec.tree(event);
        schemas.require(route.type(), tree);
        T data = codec.data(event, tree, route.dataType());
        return retries.run(consumer, event.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            if (route.inbox() && !inbox.claim(consumer, event.id())) {
                return "duplicate";
            }
            handle(event, data, route.handler());
            return "processed";
        }));
    }

    private static <T> void handle(CloudEvent event, T data, EventRoutes.Handler<T> handler) {
        try {
            handler.handle(event, data);
        } catch (FleetException e) {
            if (e.errorCode().status() < 500) {
                throw new PoisonEventException(e.errorCode().code(), e.getMessage());
            }
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            // The handler met data it cannot use (an id that is no UUID, a missing field): no retry fixes that.
            throw new PoisonEventException(PoisonEventException.INVALID_EVENT_DATA, event.type() + ": " + e.getMessage());
        }
    }
}
