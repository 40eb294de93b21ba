package io.edgefleet.agent.telemetry;

import java.util.Optional;

/**
 * Batches waiting to be sent, oldest first, bounded: when full, the oldest batch is dropped
 * (and counted) to make room, so an agent offline for long keeps the most recent data.
 */
public interface TelemetryBuffer {

    /** Adds a batch with the next sequence number; returns that number. */
    long append(String batchJson);

    Optional<Entry> oldest();

    void remove(long sequence);

    int size();

    /** Batches dropped because the buffer was full (or refused for good by the server). */
    long dropped();

    void countDropped();

    /** A buffered batch. */
    record Entry(long sequence, String json) {
    }
}
