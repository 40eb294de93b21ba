package io.edgefleet.messaging.consumer;

import io.edgefleet.events.EventType;
import io.edgefleet.messaging.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one consumer does with each event type it understands: the data class the event is read
 * as (after its JSON Schema, with every bound, is checked), the handler, and whether applying it needs the inbox (exactly once) or is idempotent by
 * itself. Types without a route are skipped (tolerant reader). Built once per consumer:
 *
 * <pre>{@code
 * EventRoutes.consumer("inventory-service/agent-reports")
 *         .idempotent(EventType.AGENT_HEARTBEAT, AgentHeartbeat.class, this::heartbeat)
 *         .inbox(EventType.AGENT_REPORT, AgentReport.class, this::report)
 *         .build();
 * }</pre>
 */
public final class EventRoutes {

    /** Applies one decoded event inside its own transaction; throw poison for what can never apply. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(CloudEvent event, T data);
    }

    /** Applies a tombstone of a compacted topic: the subject (the record's key) is gone. */
    @FunctionalInterface
    public interface TombstoneHandler {
        void deleted(CloudEvent event);
    }

    /**
     * Reads ahead, in a batch's transaction, what the handler would read for each of the batch's
     * events of one type ({@link EventConsumer#consumeBatch}): one query for all instead of one each.
     * It may only read; what it finds must still be checked by the handler, which sees every event.
     */
    @FunctionalInterface
    public interface BatchReader<T> {
        void readAhead(List<Received<T>> events);
    }

    /** An event of a batch with its decoded data, as a {@link BatchReader} sees it. */
    public record Received<T>(CloudEvent event, T data) {
    }

    record Route<T>(EventType type, Class<T> dataType, boolean inbox, Handler<T> handler, BatchReader<T> reader) {
    }

    private final String consumer;
    private final Map<String, Route<?>> routes;
    private final Map<String, TombstoneHandler> tombstones;

    private EventRoutes(String consumer, Map<String, Route<?>> routes, Map<String, TombstoneHandler> tombstones) {
        this.consumer = consumer;
        this.routes = Map.copyOf(routes);
        this.tombstones = Map.copyOf(tombstones);
    }

    /** {@code consumer} names it in the inbox, metrics and dead letters: {@code <service>/<channel>}. */
    public static Builder consumer(String consumer) {
        return new Builder(consumer);
    }

    public String consumer() {
        return consumer;
    }

    Optional<Route<?>> route(String type) {
        return Optional.ofNullable(routes.get(type));
    }

    Optional<TombstoneHandler> tombstone(String type) {
        return Optional.ofNullable(tombstones.get(type));
    }

    /** Collects routes; one per event type. */
    public static final class Builder {

        private final String consumer;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();
        private final Map<String, TombstoneHandler> tombstones = new LinkedHashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        /** Applied exactly once per event id: the id is recorded in the handler's transaction. */
        public <T> Builder inbox(EventType type, Class<T> dataType, Handler<T> handler) {
            return add(type, new Route<>(type, dataType, true, handler, null));
        }

        /** {@link #inbox}, with a reader that prepares a batch of such events in one go. */
        public <T> Builder inbox(EventType type, Class<T> dataType, Handler<T> handler, BatchReader<T> reader) {
            return add(type, new Route<>(type, dataType, true, handler, reader));
        }

        /** Applied without inbox bookkeeping, for handlers whose writes are idempotent by themselves. */
        public <T> Builder idempotent(EventType type, Class<T> dataType, Handler<T> handler) {
            return add(type, new Route<>(type, dataType, false, handler, null));
        }

        /** Tombstones of {@code type} (null values on a compacted topic); idempotent by nature. */
        public Builder tombstones(EventType type, TombstoneHandler handler) {
            if (tombstones.putIfAbsent(type.wireName(), handler) != null) {
                throw new IllegalArgumentException(consumer + " routes tombstones of " + type + " twice");
            }
            return this;
        }

        private Builder add(EventType type, Route<?> route) {
            if (routes.putIfAbsent(type.wireName(), route) != null) {
                throw new IllegalArgumentException(consumer + " routes " + type + " twice");
            }
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(consumer, routes, tombstones);
        }
    }
}
