package io.edgefleet.agent.testing;

import io.edgefleet.agent.AgentJournal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the agent's journal lines (its structured log) while a test runs. */
public final class JournalLines extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(AgentJournal.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public JournalLines() {
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    /** The lines of {@code event} so far. */
    public List<String> of(String event) {
        return lines.stream().filter(l -> l.startsWith("event=" + event + " ") || l.equals("event=" + event)).toList();
    }

    public boolean has(String event) {
        return !of(event).isEmpty();
    }

    public List<String> all() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
