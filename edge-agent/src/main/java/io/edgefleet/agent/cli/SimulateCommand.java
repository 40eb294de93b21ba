package io.edgefleet.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.simulator.FleetSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Runs N virtual devices against a real provisioning-service. */
@CommandLine.Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a fleet of machines in the product's shapes against a real gateway.")
public class SimulateCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--devices", defaultValue = "10")
    int devices;

    @CommandLine.Option(names = "--server", required = true, split = ",", description = "gateway URL(s) of provisioning-service")
    java.util.List<URI> servers;

    @CommandLine.Option(names = "--enrollment-token", description = "an auto-approving token with enough uses")
    String enrollmentToken;

    @CommandLine.Option(names = "--operator-token", description = "instead of --enrollment-token: create one with this user token")
    String operatorToken;

    @CommandLine.Option(names = "--heartbeat-seconds", defaultValue = "30")
    int heartbeatSeconds;

    @CommandLine.Option(names = "--upgrade-seconds", defaultValue = "5", description = "how long a simulated upgrade takes")
    int upgradeSeconds;

    @CommandLine.Option(names = "--machines-per-cluster", defaultValue = "3",
            description = "machines of each multi-machine k8s cluster (2-15)")
    int machinesPerCluster;

    @CommandLine.Option(names = "--failure-rate", defaultValue = "0",
            description = "share of machines whose upgrades silently do nothing (their agents report them failed)")
    double failureRate;

    @CommandLine.Option(names = "--slow-share", defaultValue = "0", description = "share of machines whose upgrades take 5x as long")
    double slowShare;

    @CommandLine.Option(names = "--offline-share", defaultValue = "0",
            description = "share of machines that enroll, connect once and then stay offline")
    double offlineShare;

    @CommandLine.Option(names = "--churn-seconds", defaultValue = "0",
            description = "flapping: every N s one machine drops its session and comes back (0: never)")
    int churnSeconds;

    @CommandLine.Option(names = "--telemetry-url", description = "telemetry-service URL (none: no telemetry)")
    URI telemetryUrl;

    @CommandLine.Option(names = "--gitops-url", description = "gitops-service URL (none: no GitOps configurations)")
    URI gitopsUrl;

    @CommandLine.Option(names = "--telemetry-seconds", defaultValue = "60")
    int telemetrySeconds;

    @CommandLine.Option(names = "--release-key", description = "a release signing key the agents trust (base64 EC public key; "
            + "repeatable); none: they refuse agent updates")
    java.util.List<String> releaseKeys = new java.util.ArrayList<>();

    @CommandLine.Option(names = "--duration-seconds", defaultValue = "0", description = "stop after N s (0: run until stopped)")
    int durationSeconds;

    @Override
    public Integer call() throws Exception {
        String token = enrollmentToken != null ? enrollmentToken : createToken();
        try (FleetSimulator fleet = new FleetSimulator(new FleetSimulator.Options(devices, servers, token,
                Duration.ofSeconds(heartbeatSeconds), Duration.ofSeconds(upgradeSeconds), "sim", System.nanoTime(), telemetryUrl,
                Duration.ofSeconds(telemetrySeconds), machinesPerCluster, new FleetSimulator.Faults(failureRate, slowShare,
                offlineShare, Duration.ofSeconds(churnSeconds)), releaseKeys, gitopsUrl)).start()) {
            long deadline = durationSeconds == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + durationSeconds * 1000L;
            long reported = -1;
            while (System.currentTimeMillis() < deadline) {
                long connected = fleet.connected();
                if (connected != reported) {
                    System.out.println("simulator: " + connected + "/" + devices + " devices connected"
                            + (connected == devices ? " (all devices connected)" : ""));
                    reported = connected;
                }
                Thread.sleep(1_000);
            }
        }
        return 0;
    }

    private String createToken() throws Exception {
        if (operatorToken == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--enrollment-token or --operator-token is required");
        }
        ObjectMapper json = new ObjectMapper();
        String body = json.writeValueAsString(Map.of("name", "simulator", "expiresAt", OffsetDateTime.now().plusDays(1).toString(),
                "maxUses", Math.max(1, devices), "requiresApproval", false, "targetLabels", Map.of("simulated", "true")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(servers.get(0).resolve("/api/v1/enrollment-tokens"))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating an enrollment token failed: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("secret").asText();
    }
}
