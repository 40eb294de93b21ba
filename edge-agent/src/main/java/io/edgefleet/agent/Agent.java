package io.edgefleet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.AgentJournal.Phase;
import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.agent.cluster.ClusterUnreachableException;
import io.edgefleet.agent.commands.AgentControl;
import io.edgefleet.agent.commands.AgentReleases;
import io.edgefleet.agent.commands.CommandExecutor;
import io.edgefleet.agent.commands.CommandQueue;
import io.edgefleet.agent.commands.UpgradeHook;
import io.edgefleet.agent.connection.Backoff;
import io.edgefleet.agent.connection.Gateways;
import io.edgefleet.agent.connection.ProvisioningClient;
import io.edgefleet.agent.gitops.GitOpsClient;
import io.edgefleet.agent.gitops.GitOpsSync;
import io.edgefleet.agent.identity.DeviceKeys;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.agent.telemetry.TelemetryBuffer;
import io.edgefleet.agent.telemetry.TelemetrySender;
import io.edgefleet.events.agent.AgentMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One device's agent: checks its cluster, enrolls once, keeps its session to the gateway
 * ({@link AgentSession}), heartbeats, reports its cluster ({@link InventoryReports}), executes
 * commands ({@link CommandQueue}) and sends telemetry. Every step is journalled
 * ({@link AgentJournal}): a log line and the status {@code edge-agent status} shows.
 */
public class Agent implements AgentControl, AgentSession.Events {

    private final AgentConfig config;
    private final StateStore state;
    private final ClusterAccess cluster;
    private final ProvisioningClient provisioning;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Backoff clusterBackoff;
    private final AgentJournal journal;
    private final Enrollment enrollment;
    private final AgentSession session;
    private final CommandQueue commands;
    private final InventoryReports reports;
    private final TelemetryBuffer telemetryBuffer;
    private final TelemetrySender telemetry;
    private final GitOpsSync gitops;
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> telemetryTicks;
    private volatile boolean running;
    private volatile boolean clusterReachable = true;
    private volatile String stopReason;

    /**
     * @param workers runs connections and (one at a time, in order) commands: give it at least two
     *                threads, so that a long command never holds up a reconnect
     */
    public Agent(AgentConfig config, StateStore state, ClusterAccess cluster, UpgradeHook hook, TelemetryBuffer telemetry,
                 HttpClient http, ObjectMapper json, ScheduledExecutorService scheduler, ExecutorService workers, Random random) {
        this.config = config;
        this.state = state;
        this.cluster = cluster;
        this.scheduler = scheduler;
        this.workers = workers;
        this.journal = new AgentJournal(state, json, clock);
        this.provisioning = new ProvisioningClient(http, new Gateways(config.gateways(),
                (next, why) -> journal.trouble("gateway-failover", "to", next, "reason", why)), json);
        this.clusterBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
        this.enrollment = new Enrollment(config, state, cluster, provisioning, journal);
        this.session = new AgentSession(config, provisioning, enrollment, journal, http, scheduler, workers, random, json, this);
        this.commands = new CommandQueue(state, new CommandExecutor(cluster, hook, this, json, config.upgradeVerifyTimeout(),
                        new AgentReleases(config.releaseKeys(), http, config.releaseStaging())),
                session::send, journal, workers, json);
        this.reports = new InventoryReports(config, json);
        this.telemetryBuffer = telemetry;
        this.telemetry = config.telemetryUrl() == null ? null
                : new TelemetrySender(cluster, telemetry, http, config.telemetryUrl(), enrollment::accessToken, json, journal);
        this.gitops = config.gitopsUrl() == null ? null : new GitOpsSync(cluster,
                new GitOpsClient(http, config.gitopsUrl(), enrollment::accessToken, json), journal, json, scheduler, workers);
    }

    public void start() {
        running = true;
        journal.step("starting", "version", config.agentVersion(), "protocol", config.protocolVersion(),
                "gateways", String.join(",", config.gateways().stream().map(URI::toString).toList()),
                "telemetry", config.telemetryUrl() == null ? "off" : config.telemetryUrl(),
                "gitops", config.gitopsUrl() == null ? "off" : config.gitopsUrl());
        journal.phase(Phase.STARTING, "reason", null);
        workers.execute(this::checkCluster);
        if (telemetry != null) {
            long every = config.telemetryInterval().toMillis();
            telemetryTicks = scheduler.scheduleAtFixedRate(() -> workers.execute(this::telemetryTick), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    public void stop() {
        running = false;
        if (telemetryTicks != null) {
            telemetryTicks.cancel(false);
        }
        session.stop("agent stopping");
        journal.phase(Phase.STOPPED, "reason", stopReason == null ? "agent stopped" : stopReason);
    }

    /** Telemetry batches waiting to be sent. */
    public int telemetryBuffered() {
        return telemetryBuffer.size();
    }

    public boolean isConnected() {
        return session.isOpen();
    }

    public String deviceId() {
        return state.deviceId().orElse(null);
    }

    /** How many commands this agent actually executed (redeliveries answered from the ledger excluded). */
    public int executions() {
        return commands.executions();
    }

    /** Why the agent gave up, if it did (e.g. its enrollment was rejected or it was revoked). */
    public String stopReason() {
        return stopReason;
    }

    /**
     * Enrolling needs the cluster's facts, so a device without identity waits for its cluster,
     * retrying on a schedule it logs. An enrolled device connects anyway: the fleet then sees it
     * online, and its reports resume when the cluster answers.
     */
    private void checkCluster() {
        if (!running) {
            return;
        }
        try {
            ClusterInventory inventory = cluster.inventory();
            clusterBackoff.reset();
            clusterReachable(inventory);
            session.start();
        } catch (RuntimeException e) {
            clusterUnreachable(e);
            if (state.deviceId().isPresent()) {
                session.start();
                return;
            }
            Duration wait = clusterBackoff.next();
            journal.phase(Phase.CLUSTER_UNREACHABLE, "reason", describe(e), "retryInMs", wait.toMillis());
            journal.step("enrollment-waits-for-cluster", "retryInMs", wait.toMillis());
            scheduler.schedule(() -> workers.execute(this::checkCluster), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A new session: a heartbeat with the full report (the server may have missed the last one), configurations afresh. */
    @Override
    public void opened() {
        reports.reset();
        heartbeat();
        if (gitops != null) {
            gitops.connected();
        }
    }

    @Override
    public void heartbeat() {
        session.send(AgentMessage.heartbeat(config.agentVersion()));
        journal.record("lastHeartbeatAt", clock.instant().toString(),
                "telemetryQueued", telemetry == null ? null : telemetryBuffer.size());
        report();
        if (gitops != null) {
            gitops.heartbeat();
        }
    }

    @Override
    public void message(AgentMessage message) {
        switch (message.type()) {
            case AgentMessage.COMMAND -> commands.enqueue(message.command());
            case AgentMessage.CANCEL -> journal.step("command-cancelled", "command", message.commandId());
            case AgentMessage.ERROR -> journal.trouble("server-error", "code", message.code(), "message", message.message());
            default -> journal.step("message-ignored", "type", message.type());
        }
    }

    @Override
    public void gaveUp(String code, String reason) {
        running = false;
        stopReason = reason;
        journal.trouble("DEVICE_REVOKED".equals(code) ? "revoked" : "ENROLLMENT_REJECTED".equals(code)
                ? "enrollment-rejected" : "stopped", "code", code, "reason", reason);
        journal.phase(Phase.STOPPED, "reason", reason);
    }

    /** Sends the inventory report when due; an unreadable cluster skips it (and is logged once). */
    private void report() {
        try {
            ClusterInventory inventory = cluster.inventory();
            if (!clusterReachable) {
                clusterReachable(inventory);
            }
            JsonNode report = reports.due(inventory);
            if (report != null) {
                session.send(AgentMessage.report("inventory", report));
            }
        } catch (RuntimeException e) {
            clusterUnreachable(e);
        }
    }

    private void clusterReachable(ClusterInventory inventory) {
        clusterReachable = true;
        journal.step("cluster-reachable", "cluster", inventory.cluster().name(), "distribution",
                inventory.cluster().distribution(), "version", inventory.cluster().kubernetesVersion(),
                "machineNodes", inventory.nodes().size());
        journal.record("cluster", "reachable");
    }

    private void clusterUnreachable(RuntimeException e) {
        if (clusterReachable) {
            journal.trouble("cluster-unreachable", "reason", describe(e));
        }
        clusterReachable = false;
        journal.record("cluster", "unreachable: " + describe(e));
    }

    private void telemetryTick() {
        telemetry.tick();
        journal.record("telemetryQueued", telemetryBuffer.size());
    }

    @Override
    public void rotateCredentials() {
        DeviceKeys fresh = DeviceKeys.generate();
        String deviceId = state.deviceId().orElseThrow();
        provisioning.rotateKey(enrollment.accessToken(), fresh.publicKeyPem(), fresh.assertion(deviceId));
        state.saveKeys(fresh);
        journal.step("credentials-rotated", "device", deviceId);
    }

    @Override
    public JsonNode syncConfigurations(String fingerprint) throws Exception {
        if (gitops == null) {
            throw new IllegalStateException("this agent has no gitops-service URL (the bundle's gitopsUrl or --gitops-url)");
        }
        return gitops.sync(fingerprint);
    }

    @Override
    public void restart() {
        scheduler.schedule(() -> session.close("restart requested"), 200, TimeUnit.MILLISECONDS);
    }

    private static String describe(Throwable e) {
        if (e instanceof ClusterUnreachableException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
