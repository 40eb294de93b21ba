package io.edgefleet.messaging.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects writes of one kind during a transaction and hands them to their writer together just
 * before it commits (or whenever {@code limit} are waiting, which bounds memory): a transaction
 * that does something a thousand times — a poll of command requests, a rollout's dispatch — pays
 * one batched statement instead of a thousand round trips. The writer runs inside the
 * transaction; if it fails, the transaction rolls back like after any failed statement.
 */
@ApplicationScoped
public class BeforeCommit {

    private final TransactionSynchronizationRegistry transactions;

    public BeforeCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** A kind of batched write: its writer and how many items may wait. The instance is the key. */
    public record Batch<T>(String name, int limit, Consumer<List<T>> writer) {
    }

    /** Adds {@code item} to the current transaction's {@code batch}; must be called inside a transaction. */
    @SuppressWarnings("unchecked")
    public <T> void add(Batch<T> batch, T item) {
        Pending<T> pending = (Pending<T>) transactions.getResource(batch);
        if (pending == null) {
            pending = new Pending<>(batch);
            transactions.putResource(batch, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.items.add(item);
        if (pending.items.size() >= batch.limit()) {
            pending.write();
        }
    }

    private static final class Pending<T> implements Synchronization {

        private final Batch<T> batch;
        private final List<T> items = new ArrayList<>();

        Pending(Batch<T> batch) {
            this.batch = batch;
        }

        void write() {
            if (!items.isEmpty()) {
                List<T> written = List.copyOf(items);
                items.clear();
                batch.writer().accept(written);
            }
        }

        @Override
        public void beforeCompletion() {
            write();
        }

        @Override
        public void afterCompletion(int status) {
            items.clear();
        }
    }
}
