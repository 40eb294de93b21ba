package io.edgefleet.agent.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.Agent;
import io.edgefleet.agent.AgentConfig;
import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.agent.identity.MemoryStateStore;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.agent.telemetry.MemoryTelemetryBuffer;
import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Many simulated machines in one JVM, in the product's shapes ({@link FleetLayout}), each with
 * its own identity, session and agent, sharing one HTTP client and a few threads so that
 * thousands fit in one process; with the faults a rollout test needs ({@link Faults}).
 */
public class FleetSimulator implements AutoCloseable {

    /** The version simulated agents start as. */
    public static final String SIMULATED_VERSION = "0.1.0-sim";

    /**
     * How the simulated fleet behaves.
     *
     * @param machinesPerCluster machines of each multi-machine cluster (2 to 15)
     * @param releaseKeys release signing keys the agents trust (base64 EC public keys); none: they refuse agent updates
     * @param gitopsUrl gitops-service's URL; none: the agents hold no GitOps configurations
     */
    public record Options(int devices, List<URI> gateways, String enrollmentToken, Duration heartbeat,
                          Duration upgradeDuration, String namePrefix, long seed, URI telemetryUrl,
                          Duration telemetryInterval, int machinesPerCluster, Faults faults, List<String> releaseKeys,
                          URI gitopsUrl) {

        public Options {
            releaseKeys = releaseKeys == null ? List.of() : List.copyOf(releaseKeys);
        }

        /** A fleet of {@code devices} without faults, heartbeating every 30 s, without telemetry. */
        public static Options of(int devices, URI gateway, String enrollmentToken) {
            return new Options(devices, List.of(gateway), enrollmentToken, Duration.ofSeconds(30), Duration.ofMillis(500),
                    "sim", 42, null, Duration.ofMinutes(1), 3, Faults.NONE, List.of(), null);
        }

        public Options withFaults(Faults injected) {
            return new Options(devices, gateways, enrollmentToken, heartbeat, upgradeDuration, namePrefix, seed,
                    telemetryUrl, telemetryInterval, machinesPerCluster, injected, releaseKeys, gitopsUrl);
        }

        public Options withReleaseKeys(List<String> keys) {
            return new Options(devices, gateways, enrollmentToken, heartbeat, upgradeDuration, namePrefix, seed,
                    telemetryUrl, telemetryInterval, machinesPerCluster, faults, keys, gitopsUrl);
        }

        public Options withGitops(URI url) {
            return new Options(devices, gateways, enrollmentToken, heartbeat, upgradeDuration, namePrefix, seed,
                    telemetryUrl, telemetryInterval, machinesPerCluster, faults, releaseKeys, url);
        }
    }

    /**
     * Injected faults, as shares of the fleet (exact: {@code round(share × devices)} machines).
     *
     * @param failedUpgrades machines whose upgrades silently do nothing (the agent's verification fails them)
     * @param slow machines whose upgrades take five times as long
     * @param offline machines that enroll, connect once and then stay offline
     * @param flapEvery every so often one machine drops its session and comes back (zero: never)
     */
    public record Faults(double failedUpgrades, double slow, double offline, Duration flapEvery) {
        public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO);
    }

    private final Options options;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("sim-scheduler"));
    private final ExecutorService workers = Executors.newFixedThreadPool(16, daemon("sim-worker"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Agent> agents = new ArrayList<>();
    private final FleetLayout layout;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public FleetSimulator(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.layout = FleetLayout.of(options, random);
    }

    /** Starts every machine, staggered so that enrollment is not one burst. */
    public FleetSimulator start() {
        for (int i = 0; i < layout.machines().size(); i++) {
            FleetLayout.Machine machine = layout.machines().get(i);
            Agent agent = agent(i, SIMULATED_VERSION, new MemoryStateStore());
            agents.add(agent);
            scheduler.schedule(agent::start, i * 20L, TimeUnit.MILLISECONDS);
            if (machine.staysOffline()) {
                goOfflineOnceConnected(agent);
            }
        }
        Duration flap = options.faults().flapEvery();
        if (!flap.isZero()) {
            scheduler.scheduleAtFixedRate(this::flap, flap.toMillis(), flap.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The agent of machine {@code index} at {@code version}, keeping {@code state} (its identity) across versions. */
    private Agent agent(int index, String version, StateStore state) {
        FleetLayout.Machine machine = layout.machines().get(index);
        Duration upgrade = machine.slow() ? options.upgradeDuration().multipliedBy(5) : options.upgradeDuration();
        AgentConfig config = new AgentConfig(options.gateways(), options.enrollmentToken(), options.heartbeat(),
                version, host(machine.access(), version), upgrade.plusSeconds(5), options.telemetryUrl(),
                options.telemetryInterval(), AgentProtocol.CURRENT, machine.settings(), options.releaseKeys(), null,
                options.gitopsUrl());
        // An agent update restarts the machine's agent as the new version, as a host's service manager would.
        Consumer<String> restartAs = next -> scheduler.schedule(() -> replace(index, next, state), 500, TimeUnit.MILLISECONDS);
        return new Agent(config, state, machine.access(), new SimulatedUpgradeHook(machine.access(), upgrade,
                machine.failsUpgrades(), restartAs), new MemoryTelemetryBuffer(100), http, json, scheduler, workers,
                new Random(random.nextLong()));
    }

    private synchronized void replace(int index, String version, StateStore state) {
        agents.get(index).stop();
        Agent next = agent(index, version, state);
        agents.set(index, next);
        next.start();
    }

    public List<Agent> agents() {
        return agents;
    }

    /** The simulated machine behind each agent, in the same order. */
    public List<FleetLayout.Machine> machines() {
        return layout.machines();
    }

    public long connected() {
        return agents.stream().filter(Agent::isConnected).count();
    }

    private void goOfflineOnceConnected(Agent agent) {
        scheduler.schedule(() -> {
            if (agent.isConnected()) {
                agent.stop();
            } else {
                goOfflineOnceConnected(agent);
            }
        }, 500, TimeUnit.MILLISECONDS);
    }

    /** Flapping connectivity: one machine drops its session and comes back after its backoff. */
    private void flap() {
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

    private static DeviceFacts host(SimulatedMachine machine, String version) {
        return new DeviceFacts(machine.host(), "Windows 11 IoT Enterprise LTSC", "10.0.26100",
                new DeviceFacts.Hardware(8, 32768L, 512L), null, null, version);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
