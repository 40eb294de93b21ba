package io.edgefleet.messaging.tx;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Group commit: small, independent units of work submitted at the same time by many callers — a
 * thousand agents reporting on their commands at once — are applied one after another in one
 * shared transaction instead of one commit each. A caller waits until its work has committed (or
 * failed), so what it answers is as durable as before. If the shared transaction fails, every unit
 * of it is run again in a transaction of its own: one failing unit only fails itself.
 */
@ApplicationScoped
public class SharedTransactions {

    private static final Logger LOG = Logger.getLogger(SharedTransactions.class);
    /** Units in one shared transaction, at most. */
    static final int MAX_UNITS = 500;
    /** Units waiting, at most; a caller beyond that waits for room (back-pressure, not loss). */
    static final int MAX_WAITING = 10_000;

    private final BlockingQueue<Unit<?>> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private Thread writer;
    private volatile boolean stopped;

    @PostConstruct
    void start() {
        writer = new Thread(this::write, "edgefleet-shared-transactions");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code work} in a transaction shared with whatever else is submitted meanwhile and
     * returns its result once committed; throws what made it fail. For callers outside a
     * transaction: the work never joins the caller's. A unit that fails makes its companions run
     * again on their own, so work meant for this should fail rarely (an agent's valid report).
     */
    public <T> T call(Supplier<T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>());
        try {
            waiting.put(unit);
            return unit.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the shared transaction", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private record Unit<T>(Supplier<T> work, CompletableFuture<T> done) {
        void complete(Object result) {
            @SuppressWarnings("unchecked") T value = (T) result;
            done.complete(value);
        }
    }

    private void write() {
        while (!stopped) {
            List<Unit<?>> units = new ArrayList<>();
            try {
                Unit<?> first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                units.add(first);
                waiting.drainTo(units, MAX_UNITS - 1);
                runTogether(units);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Never leave the writer or a caller behind: whatever is unfinished fails with the cause.
                LOG.error("shared transaction writer failed", e);
                units.forEach(u -> u.done().completeExceptionally(e));
            }
        }
    }

    private void runTogether(List<Unit<?>> units) {
        if (units.size() > 1) {
            List<Object> results = new ArrayList<>(units.size());
            try {
                QuarkusTransaction.requiringNew().run(() -> units.forEach(u -> results.add(u.work().get())));
                for (int i = 0; i < units.size(); i++) {
                    units.get(i).complete(results.get(i));
                }
                return;
            } catch (RuntimeException e) {
                // Rolled back as a whole; each unit now gets a transaction of its own, below.
            }
        }
        units.forEach(this::runAlone);
    }

    private void runAlone(Unit<?> unit) {
        try {
            unit.complete(QuarkusTransaction.requiringNew().call(() -> unit.work().get()));
        } catch (RuntimeException e) {
            unit.done().completeExceptionally(e);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        writer.interrupt();
    }
}
