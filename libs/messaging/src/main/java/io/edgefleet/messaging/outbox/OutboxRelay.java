package io.edgefleet.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka on one background thread. It runs as soon as a
 * transaction that recorded events commits ({@link #wakeUp()}), and otherwise every
 * {@link OutboxConfig#pollInterval()} to pick up what other replicas or a crashed process
 * left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxBatchPublisher publisher;
    private final OutboxConfig config;
    private final Counter failures;
    private final Semaphore wakeUps = new Semaphore(0);
    private ExecutorService loop;
    private volatile boolean running;

    public OutboxRelay(OutboxBatchPublisher publisher, OutboxConfig config, MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config;
        this.failures = Counter.builder("edgefleet_outbox_publish_failures")
                .description("Outbox relay rounds that failed to publish").register(registry);
    }

    void start(@Observes StartupEvent started) {
        running = true;
        loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "edgefleet-outbox-relay"));
        loop.execute(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wakeUp();
        loop.shutdown();
        loop.awaitTermination(config.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    /** Asks the relay to publish now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            drain();
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(publisher::publishBatch);
            } while (sent == config.batchSize() && running);
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("outbox publish failed, will retry: %s", e.getMessage());
        }
    }
}
