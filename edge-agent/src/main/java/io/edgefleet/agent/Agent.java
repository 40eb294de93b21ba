package io.edgefleet.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.commands.AgentControl;
import io.edgefleet.agent.commands.CommandExecutor;
import io.edgefleet.agent.commands.Outcome;
import io.edgefleet.agent.commands.UpgradeHook;
import io.edgefleet.agent.connection.Backoff;
import io.edgefleet.agent.connection.ProvisioningClient;
import io.edgefleet.agent.connection.SessionListener;
import io.edgefleet.agent.identity.DeviceKeys;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.agent.telemetry.TelemetryBuffer;
import io.edgefleet.agent.telemetry.TelemetrySender;
import io.edgefleet.events.agent.AgentMessage;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One device's agent: enrolls once, then keeps a session to provisioning-service open,
 * reconnecting with jittered exponential backoff; heartbeats, reports its cluster and executes
 * commands in order, each at most once (outcomes are recorded before they are reported, and a
 * redelivered command gets its recorded outcome again instead of a second execution).
 */
public class Agent implements AgentControl {

    private static final Logger LOG = Logger.getLogger(Agent.class);

    private final AgentConfig config;
    private final StateStore state;
    private final ClusterAccess cluster;
    private final ProvisioningClient provisioning;
    private final HttpClient http;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Random random;
    private final Backoff backoff;
    private final CommandExecutor executor;
    private final Enrollment enrollment;
    private final AtomicInteger executions = new AtomicInteger();
    private final TelemetryBuffer telemetryBuffer;
    private final TelemetrySender telemetry;
    private volatile ScheduledFuture<?> telemetryTicks;
    private volatile WebSocket session;
    private volatile SessionListener listener;
    private volatile com.fasterxml.jackson.databind.JsonNode lastReport;
    private static final int RESYNC_HEARTBEATS = 10;
    private final AtomicInteger heartbeatCount = new AtomicInteger();
    private volatile ScheduledFuture<?> heartbeats;
    private volatile boolean running;
    private volatile String stopReason;
    private CompletableFuture<Void> commandQueue = CompletableFuture.completedFuture(null);

    /**
     * @param workers runs connections and (one at a time, in order) commands: give it at least two
     *                threads, so that a long command never holds up a reconnect
     */
    public Agent(AgentConfig config, StateStore state, ClusterAccess cluster, UpgradeHook hook, TelemetryBuffer telemetry,
                 HttpClient http, ObjectMapper json, ScheduledExecutorService scheduler, ExecutorService workers, Random random) {
        this.config = config;
        this.state = state;
        this.cluster = cluster;
        this.http = http;
        this.json = json;
        this.scheduler = scheduler;
        this.workers = workers;
        this.random = random;
        this.provisioning = new ProvisioningClient(http, config.server(), json);
        this.backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
        this.executor = new CommandExecutor(cluster, hook, this, json, config.upgradeVerifyTimeout());
        this.enrollment = new Enrollment(config, state, cluster, provisioning);
        this.telemetryBuffer = telemetry;
        this.telemetry = config.telemetryUrl() == null ? null
                : new TelemetrySender(cluster, telemetry, http, config.telemetryUrl(), enrollment::accessToken, json);
    }

    public void start() {
        running = true;
        workers.execute(this::connect);
        if (telemetry != null) {
            long every = config.telemetryInterval().toMillis();
            telemetryTicks = scheduler.scheduleAtFixedRate(() -> workers.execute(telemetry::tick), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    public void stop() {
        running = false;
        if (telemetryTicks != null) {
            telemetryTicks.cancel(false);
        }
        closeSession("agent stopping");
    }

    /** Telemetry batches waiting to be sent. */
    public int telemetryBuffered() {
        return telemetryBuffer.size();
    }

    public boolean isConnected() {
        return session != null && !session.isInputClosed();
    }

    public String deviceId() {
        return state.deviceId().orElse(null);
    }

    /** How many commands this agent actually executed (redeliveries answered from the ledger excluded). */
    public int executions() {
        return executions.get();
    }

    /** Why the agent gave up, if it did (e.g. its enrollment was rejected or it was revoked). */
    public String stopReason() {
        return stopReason;
    }

    private void connect() {
        if (!running) {
            return;
        }
        try {
            String token = enrollment.accessToken();
            SessionListener opened = new SessionListener(this::onMessage, this::onSessionEnd);
            session = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(provisioning.sessionUri(), opened).get(30, TimeUnit.SECONDS);
            listener = opened;
            backoff.reset();
            onSessionOpen();
        } catch (ProvisioningClient.ProvisioningException e) {
            if (e.transientFailure()) {
                retryLater(e.getMessage());
            } else {
                giveUp(e.getMessage());
            }
        } catch (Exception e) {
            retryLater(e.toString());
        }
    }

    private void onSessionOpen() {
        send(AgentMessage.heartbeat(config.agentVersion()));
        lastReport = null;
        reportIfChanged();
        scheduleHeartbeat();
    }

    /**
     * Reports the cluster on every new session, whenever it changed, and every
     * {@value #RESYNC_HEARTBEATS} heartbeats regardless, so a report the server could not apply
     * yet (say, before it knew the device) is made good.
     */
    private void reportIfChanged() {
        var report = json.valueToTree(inventoryReport());
        if (!report.equals(lastReport) || heartbeatCount.incrementAndGet() % RESYNC_HEARTBEATS == 0) {
            send(AgentMessage.report("inventory", report));
            lastReport = report;
        }
    }

    private void scheduleHeartbeat() {
        long mean = config.heartbeatInterval().toMillis();
        long jittered = (long) (mean * (0.8 + 0.4 * random.nextDouble()));
        heartbeats = scheduler.schedule(() -> {
            if (isConnected()) {
                send(AgentMessage.heartbeat(config.agentVersion()));
                reportIfChanged();
                scheduleHeartbeat();
            }
        }, jittered, TimeUnit.MILLISECONDS);
    }

    private void onMessage(AgentMessage message) {
        switch (message.type()) {
            case AgentMessage.COMMAND -> enqueue(message.command());
            case AgentMessage.CANCEL -> LOG.debugf("command %s cancelled by the server", message.commandId());
            case AgentMessage.ERROR -> LOG.warnf("server says %s: %s", message.code(), message.message());
            default -> LOG.debugf("ignoring message of type %s", message.type());
        }
    }

    /** Commands run one after another, in the order the server sent them. */
    private synchronized void enqueue(AgentMessage.CommandView command) {
        commandQueue = commandQueue.thenRunAsync(() -> handle(command), workers);
    }

    private void handle(AgentMessage.CommandView command) {
        send(AgentMessage.ack(command.id()));
        String recorded = state.outcomeOf(command.id()).orElse(null);
        if (recorded != null) {
            send(fromRecord(command.id(), recorded));
            return;
        }
        send(AgentMessage.progress(command.id(), "running " + command.type(), 0));
        executions.incrementAndGet();
        Outcome outcome = executor.execute(command);
        AgentMessage result = AgentMessage.result(command.id(), outcome.succeeded(), outcome.result(), outcome.failureReason());
        state.recordOutcome(command.id(), toJson(result));
        send(result);
    }

    private void onSessionEnd(String why) {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        session = null;
        if (running) {
            retryLater(why);
        }
    }

    private void retryLater(String why) {
        Duration wait = backoff.next();
        LOG.debugf("device %s: %s; reconnecting in %d ms", deviceId(), why, wait.toMillis());
        scheduler.schedule(() -> workers.execute(this::connect), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(String why) {
        running = false;
        stopReason = why;
        LOG.errorf("agent stops: %s", why);
    }

    @Override
    public void rotateCredentials() {
        DeviceKeys fresh = DeviceKeys.generate();
        String deviceId = state.deviceId().orElseThrow();
        provisioning.rotateKey(enrollment.accessToken(), fresh.publicKeyPem(), fresh.assertion(deviceId));
        state.saveKeys(fresh);
    }

    @Override
    public void restart() {
        scheduler.schedule(() -> closeSession("restart requested"), 200, TimeUnit.MILLISECONDS);
    }

    private void closeSession(String reason) {
        WebSocket current = session;
        SessionListener currentListener = listener;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, reason);
            current.abort();
        }
        if (currentListener != null) {
            currentListener.terminate(reason);
        }
    }

    private Object inventoryReport() {
        var inventory = cluster.inventory();
        return java.util.Map.of("cluster", inventory.cluster(), "nodes", inventory.nodes(), "namespaces",
                inventory.namespaces(), "agentVersion", config.agentVersion());
    }

    private void send(AgentMessage message) {
        WebSocket current = session;
        if (current != null) {
            synchronized (current) {
                current.sendText(toJson(message), true).join();
            }
        }
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
