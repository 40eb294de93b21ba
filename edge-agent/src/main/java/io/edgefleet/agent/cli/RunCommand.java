package io.edgefleet.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.Agent;
import io.edgefleet.agent.AgentConfig;
import io.edgefleet.agent.cluster.KubernetesClusterAccess;
import io.edgefleet.agent.commands.ScriptUpgradeHook;
import io.edgefleet.agent.identity.DirectoryStateStore;
import io.edgefleet.agent.telemetry.DirectoryTelemetryBuffer;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import picocli.CommandLine;

/** Runs the agent of this device until it is stopped. */
@CommandLine.Command(name = "run", description = "Run the agent of this device.")
public class RunCommand implements Runnable {

    @CommandLine.Option(names = "--server", description = "provisioning-service URL")
    URI server;

    @CommandLine.Option(names = "--enrollment-token", description = "enrollment token (first run only)")
    String enrollmentToken;

    @CommandLine.Option(names = "--bundle", description = "offline onboarding bundle file (instead of --server and --enrollment-token)")
    Path bundle;

    @CommandLine.Option(names = "--kubeconfig", description = "kubeconfig of the local cluster (default: in-cluster or ~/.kube/config)")
    Path kubeconfig;

    @CommandLine.Option(names = "--state-dir", defaultValue = "edgefleet-agent", description = "where identity and command outcomes are kept")
    Path stateDir;

    @CommandLine.Option(names = "--upgrade-hook", description = "executable run as '<hook> kubernetes|os-image <version>'")
    Path upgradeHook;

    @CommandLine.Option(names = "--heartbeat-seconds", defaultValue = "30")
    int heartbeatSeconds;

    @CommandLine.Option(names = "--telemetry-url", description = "telemetry-service URL (none: no telemetry)")
    URI telemetryUrl;

    @CommandLine.Option(names = "--telemetry-seconds", defaultValue = "60")
    int telemetrySeconds;

    @CommandLine.Option(names = "--telemetry-buffer", defaultValue = "10000", description = "most batches kept while offline")
    int telemetryBuffer;

    @Override
    public void run() {
        try {
            applyBundle();
            if (server == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--server or --bundle is required");
            }
            String host = InetAddress.getLocalHost().getHostName().toLowerCase();
            KubernetesClient client = new KubernetesClientBuilder().withConfig(kubeconfig == null ? Config.autoConfigure(null)
                    : Config.fromKubeconfig(Files.readString(kubeconfig))).build();
            AgentConfig config = new AgentConfig(server, enrollmentToken, Duration.ofSeconds(heartbeatSeconds),
                    VersionCommand.VERSION, new DeviceFacts(host, System.getProperty("os.name"), System.getProperty("os.version"),
                    new DeviceFacts.Hardware(Runtime.getRuntime().availableProcessors(), null, null), null, null,
                    VersionCommand.VERSION), Duration.ofMinutes(10), telemetryUrl, Duration.ofSeconds(telemetrySeconds));
            Agent agent = new Agent(config, new DirectoryStateStore(stateDir), new KubernetesClusterAccess(client, host),
                    new ScriptUpgradeHook(upgradeHook, 60),
                    new DirectoryTelemetryBuffer(stateDir.resolve("telemetry"), telemetryBuffer), HttpClient.newHttpClient(), new ObjectMapper().findAndRegisterModules(),
                    Executors.newScheduledThreadPool(1), Executors.newFixedThreadPool(2), new Random());
            Runtime.getRuntime().addShutdownHook(new Thread(agent::stop));
            agent.start();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A bundle carries the server URL and the enrollment token; explicit options win. */
    private void applyBundle() throws java.io.IOException {
        if (bundle == null) {
            return;
        }
        JsonNode content = new ObjectMapper().readTree(bundle.toFile());
        server = server != null ? server : URI.create(content.path("serverUrl").asText());
        enrollmentToken = enrollmentToken != null ? enrollmentToken : content.path("enrollmentToken").asText();
    }
}
