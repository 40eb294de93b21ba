package io.edgefleet.messaging.outbox;

import io.edgefleet.messaging.cloudevents.CloudEvent;
import io.edgefleet.messaging.cloudevents.CloudEventCodec;
import io.edgefleet.messaging.tracing.EventTracing;
import io.edgefleet.messaging.tracing.TraceContext;
import io.edgefleet.messaging.tx.AdvisoryLocks;
import io.edgefleet.messaging.tx.SqlValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes one batch of committed outbox events in sequence order, then deletes them in the
 * same transaction. A crash between send and delete republishes the batch: consumers are
 * idempotent by event id, so delivery is at-least-once and nothing committed is lost.
 *
 * <p>Several replicas may run it: a transaction-scoped advisory lock lets one publish at a time,
 * which keeps events of one key in order (row-level SKIP LOCKED would let two replicas
 * interleave a device's events).
 *
 * <p>No row can wedge the relay: an event Kafka refuses for a reason no retry changes (larger
 * than the broker accepts, an invalid record) is moved to {@code parked_event} with its error
 * ({@link ParkedEvents}) and the rows around it are published and deleted as usual. Transient
 * failures leave their rows for the next round.
 */
@ApplicationScoped
public class OutboxBatchPublisher {

    private static final String PUBLISHER_LOCK = "outbox-publisher";

    private final EntityManager entityManager;
    private final CloudEventCodec codec;
    private final OutboxConfig config;
    private final OutboxProducer producer;
    private final ParkedEvents parking;
    private final AdvisoryLocks locks;
    private final Counter published;

    public OutboxBatchPublisher(EntityManager entityManager, CloudEventCodec codec, OutboxConfig config,
                                OutboxProducer producer, ParkedEvents parking, AdvisoryLocks locks, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
        this.producer = producer;
        this.parking = parking;
        this.locks = locks;
        this.published = Counter.builder("edgefleet_outbox_published")
                .description("Outbox events published to Kafka").register(registry);
    }

    /** Must run inside a transaction; returns how many rows left the outbox (published or parked). */
    int publishBatch() {
        if (!locks.tryLock(PUBLISHER_LOCK)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT seq, id, org_id, topic, event_key, type, "
                        + "subject, occurred_at, data, traceparent, tracestate FROM outbox_event ORDER BY seq LIMIT :n")
                .setParameter("n", config.batchSize()).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Outcome> outcomes = send(rows);
        List<Long> done = new ArrayList<>();
        RuntimeException transientFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.error() == null) {
                done.add(seq(rows.get(i)));
            } else if (PublishFailures.isPermanent(outcome.error())) {
                parking.park(seq(rows.get(i)), outcome.error());
                done.add(seq(rows.get(i)));
            } else if (transientFailure == null) {
                transientFailure = new IllegalStateException("Kafka did not acknowledge the batch: "
                        + outcome.error().getMessage(), outcome.error());
            }
        }
        if (!done.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM outbox_event WHERE seq IN (:seqs)")
                    .setParameter("seqs", done).executeUpdate();
            published.increment(done.size());
        }
        if (transientFailure != null && done.isEmpty()) {
            throw transientFailure;
        }
        return done.size();
    }

    /** One row's publication: {@code error} is null when Kafka acknowledged it. */
    private record Outcome(Throwable error) {
    }

    private List<Outcome> send(List<Object[]> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            CloudEvent event = new CloudEvent(r[1].toString(), config.source(), (String) r[5], (String) r[6],
                    SqlValues.offsetDateTime(r[7]), (String) r[2], (String) r[8]);
            try {
                ProducerRecord<String, byte[]> record = codec.encode((String) r[3], (String) r[4], event);
                EventTracing.write(record.headers(), new TraceContext((String) r[9], (String) r[10]));
                acks.add(producer.get().send(record));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        producer.get().flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (Future<RecordMetadata> ack : acks) {
            outcomes.add(await(ack, deadline));
        }
        return outcomes;
    }

    private static Outcome await(Future<RecordMetadata> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Outcome(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(e);
        } catch (ExecutionException e) {
            return new Outcome(e.getCause());
        } catch (TimeoutException e) {
            return new Outcome(e);
        }
    }

    private static long seq(Object[] row) {
        return ((Number) row[0]).longValue();
    }
}
