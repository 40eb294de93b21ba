package io.edgefleet.agent.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.AgentJournal;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.events.agent.AgentMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Commands run one after another, in the order the server sent them, each at most once: its
 * outcome is recorded before it is reported, and a redelivered command gets its recorded
 * outcome again instead of a second execution.
 */
public final class CommandQueue {

    private final StateStore state;
    private final CommandExecutor executor;
    private final Consumer<AgentMessage> send;
    private final AgentJournal journal;
    private final Executor workers;
    private final ObjectMapper json;
    private final AtomicInteger executions = new AtomicInteger();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public CommandQueue(StateStore state, CommandExecutor executor, Consumer<AgentMessage> send, AgentJournal journal,
                        Executor workers, ObjectMapper json) {
        this.state = state;
        this.executor = executor;
        this.send = send;
        this.journal = journal;
        this.workers = workers;
        this.json = json;
    }

    public synchronized void enqueue(AgentMessage.CommandView command) {
        tail = tail.thenRunAsync(() -> handle(command), workers);
    }

    /** How many commands were actually executed (redeliveries answered from the ledger excluded). */
    public int executions() {
        return executions.get();
    }

    private void handle(AgentMessage.CommandView command) {
        send.accept(AgentMessage.ack(command.id()));
        String recorded = state.outcomeOf(command.id()).orElse(null);
        if (recorded != null) {
            journal.step("command-redelivered", "command", command.id(), "type", command.type(), "answer", "recorded outcome");
            send.accept(fromRecord(command.id(), recorded));
            return;
        }
        journal.step("command-received", "command", command.id(), "type", command.type());
        send.accept(AgentMessage.progress(command.id(), "running " + command.type(), 0));
        executions.incrementAndGet();
        Outcome outcome = executor.execute(command);
        AgentMessage result = AgentMessage.result(command.id(), outcome.succeeded(), outcome.result(), outcome.failureReason());
        state.recordOutcome(command.id(), toJson(result));
        journal.step("command-finished", "command", command.id(), "type", command.type(),
                "outcome", outcome.succeeded() ? "succeeded" : "failed", "reason", outcome.failureReason());
        send.accept(result);
    }

    private AgentMessage fromRecord(String commandId, String recorded) {
        try {
            return json.readValue(recorded, AgentMessage.class);
        } catch (Exception e) {
            return AgentMessage.result(commandId, false, null, "recorded outcome unreadable");
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
