package io.edgefleet.agent.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.Agent;
import io.edgefleet.agent.AgentConfig;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.identity.MemoryStateStore;
import io.edgefleet.agent.telemetry.MemoryTelemetryBuffer;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Many virtual devices in one JVM, each with its own identity, session and simulated cluster,
 * sharing one HTTP client and a few threads so that thousands fit in one process.
 */
public class FleetSimulator implements AutoCloseable {

    /** How the simulated fleet behaves. */
    public record Options(int devices, URI server, String enrollmentToken, Duration heartbeat, Duration upgradeDuration,
                          double failureRate, Duration churnEvery, String namePrefix, long seed, URI telemetryUrl,
                          Duration telemetryInterval) {
    }

    private final Options options;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("sim-scheduler"));
    private final ExecutorService workers = Executors.newFixedThreadPool(16, daemon("sim-worker"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Agent> agents = new ArrayList<>();
    private final Random random;

    public FleetSimulator(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** Starts every device, staggered so that enrollment is not one burst. */
    public FleetSimulator start() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        SimulatedCluster.Profile[] profiles = SimulatedCluster.Profile.values();
        for (int i = 0; i < options.devices(); i++) {
            String name = options.namePrefix() + "-" + UUID.randomUUID().toString().substring(0, 8);
            SimulatedCluster cluster = new SimulatedCluster(name, profiles[i % profiles.length], random);
            AgentConfig config = new AgentConfig(options.server(), options.enrollmentToken(), options.heartbeat(), "0.1.0-sim",
                    host(name), options.upgradeDuration().plusSeconds(5), options.telemetryUrl(), options.telemetryInterval());
            Agent agent = new Agent(config, new MemoryStateStore(), cluster,
                    new SimulatedUpgradeHook(cluster, options.upgradeDuration(), options.failureRate(), random),
                    new MemoryTelemetryBuffer(100), http, json, scheduler, workers, new Random(random.nextLong()));
            agents.add(agent);
            scheduler.schedule(agent::start, i * 20L, TimeUnit.MILLISECONDS);
        }
        if (!options.churnEvery().isZero()) {
            scheduler.scheduleAtFixedRate(this::churn, options.churnEvery().toMillis(), options.churnEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public List<Agent> agents() {
        return agents;
    }

    public long connected() {
        return agents.stream().filter(Agent::isConnected).count();
    }

    /** Offline churn: one device drops its session and comes back after its backoff. */
    private void churn() {
        if (!agents.isEmpty()) {
            agents.get(random.nextInt(agents.size())).restart();
        }
    }

    @Override
    public void close() {
        agents.forEach(Agent::stop);
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private DeviceFacts host(String name) {
        return new DeviceFacts(name, "Windows 11 IoT Enterprise LTSC", "10.0.26100",
                new DeviceFacts.Hardware(8, 32768L, 512L), null, null, "0.1.0-sim");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
