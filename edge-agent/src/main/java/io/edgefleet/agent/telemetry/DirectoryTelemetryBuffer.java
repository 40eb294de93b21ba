package io.edgefleet.agent.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A bounded buffer on disk: one file per batch named by its zero-padded sequence number, so it
 * survives agent restarts and reboots, and the drop counter in {@code dropped}.
 */
public class DirectoryTelemetryBuffer implements TelemetryBuffer {

    private static final String SUFFIX = ".batch";

    private final Path dir;
    private final int capacity;
    private final TreeSet<Long> sequences = new TreeSet<>();
    private long dropped;
    private long next;

    public DirectoryTelemetryBuffer(Path dir, int capacity) {
        this.dir = dir;
        this.capacity = capacity;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                        .forEach(n -> sequences.add(Long.parseLong(n.substring(0, n.length() - SUFFIX.length()))));
            }
            dropped = readNumber("dropped");
            next = Math.max(readNumber("next"), sequences.isEmpty() ? 0 : sequences.last() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized long append(String batchJson) {
        while (sequences.size() >= capacity) {
            delete(sequences.pollFirst());
            countDropped();
        }
        long sequence = next++;
        try {
            Files.writeString(file(sequence), batchJson, StandardCharsets.UTF_8);
            // Sequences keep growing across restarts, even when the buffer was empty.
            Files.writeString(dir.resolve("next"), Long.toString(next));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sequences.add(sequence);
        return sequence;
    }

    private long readNumber(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
    }

    @Override
    public synchronized Optional<Entry> oldest() {
        if (sequences.isEmpty()) {
            return Optional.empty();
        }
        long sequence = sequences.first();
        try {
            return Optional.of(new Entry(sequence, Files.readString(file(sequence), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void remove(long sequence) {
        if (sequences.remove(sequence)) {
            delete(sequence);
        }
    }

    @Override
    public synchronized int size() {
        return sequences.size();
    }

    @Override
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized void countDropped() {
        dropped++;
        try {
            Files.writeString(dir.resolve("dropped"), Long.toString(dropped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(long sequence) {
        try {
            Files.deleteIfExists(file(sequence));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long sequence) {
        return dir.resolve(String.format("%019d%s", sequence, SUFFIX));
    }
}
