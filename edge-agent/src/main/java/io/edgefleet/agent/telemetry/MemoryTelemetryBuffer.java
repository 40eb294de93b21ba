package io.edgefleet.agent.telemetry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A bounded buffer in memory, for simulated devices. */
public class MemoryTelemetryBuffer implements TelemetryBuffer {

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long next;
    private long dropped;

    public MemoryTelemetryBuffer(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized long append(String batchJson) {
        if (entries.size() >= capacity) {
            entries.removeFirst();
            dropped++;
        }
        long sequence = next++;
        entries.addLast(new Entry(sequence, batchJson));
        return sequence;
    }

    @Override
    public synchronized Optional<Entry> oldest() {
        return Optional.ofNullable(entries.peekFirst());
    }

    @Override
    public synchronized void remove(long sequence) {
        entries.removeIf(e -> e.sequence() == sequence);
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized void countDropped() {
        dropped++;
    }
}
