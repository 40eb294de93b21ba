package io.edgefleet.provisioning.gateway;

import io.edgefleet.events.agent.AgentMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP fallback for networks that block WebSockets: a long poll that returns as soon as
 * the device has commands, or empty after the wait.
 */
@ApplicationScoped
public class HttpDelivery {

    private final CommandDispatcher dispatcher;
    private final Map<UUID, Semaphore> waiting = new ConcurrentHashMap<>();

    public HttpDelivery(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public List<AgentMessage.CommandView> poll(UUID deviceId, Duration wait) throws InterruptedException {
        Semaphore signal = waiting.computeIfAbsent(deviceId, id -> new Semaphore(0));
        try {
            List<AgentMessage.CommandView> commands = dispatcher.poll(deviceId);
            if (commands.isEmpty() && signal.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                commands = dispatcher.poll(deviceId);
            }
            return commands;
        } finally {
            waiting.remove(deviceId, signal);
        }
    }

    void wake(UUID deviceId) {
        Semaphore signal = waiting.get(deviceId);
        if (signal != null) {
            signal.release();
        }
    }
}
