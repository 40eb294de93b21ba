package io.edgefleet.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.AgentJournal.Phase;
import io.edgefleet.agent.connection.Backoff;
import io.edgefleet.agent.connection.ProvisioningClient;
import io.edgefleet.agent.connection.SessionListener;
import io.edgefleet.events.agent.AgentMessage;
import io.edgefleet.events.agent.AgentProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The session to the gateway: opens it (enrolling first if needed), heartbeats, and reopens it
 * after every end with jittered exponential backoff, failing over to the next gateway URL when
 * one is unreachable or failing. Stops for good only on a refusal retrying cannot mend (revoked,
 * rejected).
 */
final class AgentSession {

    /** What the agent does at the session's moments. */
    interface Events {
        void opened();

        void heartbeat();

        void message(AgentMessage message);

        void gaveUp(String code, String reason);
    }

    private final AgentConfig config;
    private final ProvisioningClient provisioning;
    private final Enrollment enrollment;
    private final AgentJournal journal;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Random random;
    private final ObjectMapper json;
    private final Events events;
    private final Backoff backoff;
    private volatile WebSocket socket;
    private volatile SessionListener listener;
    private volatile ScheduledFuture<?> heartbeats;
    private volatile boolean running;

    AgentSession(AgentConfig config, ProvisioningClient provisioning, Enrollment enrollment, AgentJournal journal,
                 HttpClient http, ScheduledExecutorService scheduler, ExecutorService workers, Random random,
                 ObjectMapper json, Events events) {
        this.config = config;
        this.provisioning = provisioning;
        this.enrollment = enrollment;
        this.journal = journal;
        this.http = http;
        this.scheduler = scheduler;
        this.workers = workers;
        this.random = random;
        this.json = json;
        this.events = events;
        this.backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
    }

    void start() {
        running = true;
        connect();
    }

    void stop(String reason) {
        running = false;
        close(reason);
    }

    boolean isOpen() {
        return socket != null && !socket.isInputClosed();
    }

    /** Ends the session from this side; it is reopened after the backoff (a restart). */
    void close(String reason) {
        WebSocket current = socket;
        SessionListener currentListener = listener;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, reason);
            current.abort();
        }
        if (currentListener != null) {
            currentListener.terminate(reason);
        }
    }

    void send(AgentMessage message) {
        WebSocket current = socket;
        if (current != null) {
            synchronized (current) {
                current.sendText(toJson(message), true).join();
            }
        }
    }

    private void connect() {
        if (!running) {
            return;
        }
        URI gateway = provisioning.gateways().current();
        try {
            String token = enrollment.accessToken();
            journal.phase(Phase.CONNECTING, "gateway", gateway.toString(), "reason", null);
            SessionListener opened = new SessionListener(events::message, this::ended);
            socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .header(AgentProtocol.HEADER, config.protocolVersion())
                    .buildAsync(ProvisioningClient.sessionUri(gateway), opened).get(30, TimeUnit.SECONDS);
            listener = opened;
            backoff.reset();
            journal.step("session-open", "device", enrollment.deviceId(), "gateway", gateway, "protocol", config.protocolVersion());
            journal.phase(Phase.CONNECTED, "gateway", gateway.toString(), "reason", null);
            events.opened();
            scheduleHeartbeat();
        } catch (ProvisioningClient.ProvisioningException e) {
            refused(e);
        } catch (ExecutionException e) {
            sessionRefused(gateway, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            retryLater("connect-failed", e.toString());
        }
    }

    private void refused(ProvisioningClient.ProvisioningException e) {
        if ("ENROLLMENT_PENDING".equals(e.code())) {
            Duration wait = backoff.next();
            journal.phase(Phase.PENDING_APPROVAL, "reason", "an operator has to approve the enrollment");
            journal.step("pending-approval", "enrollment", enrollment.enrollmentId(), "retryInMs", wait.toMillis());
            scheduleConnect(wait);
        } else if (e.transientFailure()) {
            retryLater("connect-failed", e.getMessage());
        } else {
            running = false;
            events.gaveUp(e.code(), e.getMessage());
        }
    }

    private void sessionRefused(URI gateway, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException refused) {
            int status = refused.getResponse().statusCode();
            if (status == 401) {
                enrollment.forgetToken();
            } else if (status == 400 || status >= 500) {
                provisioning.gateways().failed(gateway, "session refused with HTTP " + status);
            }
            retryLater("session-refused", "HTTP " + status + " from " + gateway);
        } else {
            provisioning.gateways().failed(gateway, String.valueOf(cause));
            retryLater("connect-failed", gateway + ": " + cause);
        }
    }

    private void scheduleHeartbeat() {
        long mean = config.heartbeatInterval().toMillis();
        long jittered = (long) (mean * (0.8 + 0.4 * random.nextDouble()));
        heartbeats = scheduler.schedule(() -> {
            if (isOpen()) {
                events.heartbeat();
                scheduleHeartbeat();
            }
        }, jittered, TimeUnit.MILLISECONDS);
    }

    private void ended(String why) {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        socket = null;
        if (running) {
            retryLater("session-closed", why);
        } else {
            journal.step("session-closed", "reason", why);
        }
    }

    private void retryLater(String event, String why) {
        Duration wait = backoff.next();
        journal.step(event, "reason", why, "retryInMs", wait.toMillis());
        journal.phase(Phase.DISCONNECTED, "reason", why, "retryInMs", wait.toMillis());
        scheduleConnect(wait);
    }

    private void scheduleConnect(Duration wait) {
        scheduler.schedule(() -> workers.execute(this::connect), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
