package io.edgefleet.agent.cli;

import io.edgefleet.events.inventory.NetworkConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The agent's settings as command-line options, shared by {@code run} and {@code install}; each overrides the file. */
public class AgentOptions {

    @CommandLine.Option(names = "--bundle", description = "onboarding bundle file (gateway and telemetry URLs, enrollment token)")
    Path bundle;

    @CommandLine.Option(names = "--kubeconfig", description = "kubeconfig of the local cluster, a host path "
            + "(default: /etc/rancher/k3s/k3s.yaml when present, else ~/.kube/config or in-cluster)")
    Path kubeconfig;

    @CommandLine.Option(names = "--state-dir", description = "where identity, command outcomes and status are kept")
    Path stateDir;

    @CommandLine.Option(names = "--upgrade-hook", description = "executable run as '<hook> kubernetes|os-image <version>'")
    Path upgradeHook;

    @CommandLine.Option(names = "--label", description = "a label this device reports about itself, key=value (repeatable)")
    Map<String, String> labels = new LinkedHashMap<>();

    @CommandLine.Option(names = "--time-zone", description = "the machine's IANA time zone, e.g. Europe/Berlin (default: the host's)")
    String timeZone;

    @CommandLine.Option(names = "--static-ip", description = "the machine's static IP address (no prefix length)")
    String staticIp;

    @CommandLine.Option(names = "--ip-gateway", description = "the default gateway of the machine's network")
    String ipGateway;

    @CommandLine.Option(names = "--dns", split = ",", description = "DNS servers, comma-separated")
    List<String> dns = new ArrayList<>();

    @CommandLine.Option(names = "--vlan", description = "the VLAN id of the machine's network")
    Integer vlan;

    @CommandLine.Option(names = "--service-ip-range", description = "the cluster's service IP range (CIDR)")
    String serviceIpRange;

    @CommandLine.Option(names = "--node", description = "a node of this machine, where names do not follow the product's (repeatable)")
    List<String> nodes = new ArrayList<>();

    @CommandLine.Option(names = "--heartbeat-seconds", description = "mean seconds between heartbeats (default 30)")
    Integer heartbeatSeconds;

    @CommandLine.Option(names = "--telemetry-seconds", description = "seconds between telemetry batches (default 60)")
    Integer telemetrySeconds;

    @CommandLine.Option(names = "--telemetry-buffer", description = "most batches kept while offline (default 10000)")
    Integer telemetryBuffer;

    @CommandLine.Option(names = "--no-telemetry", negatable = false, description = "send no telemetry although the bundle names telemetry-service")
    boolean noTelemetry;

    /** {@code file}'s settings with every option given here in place of the file's. */
    AgentSettings over(AgentSettings file) {
        AgentSettings base = file == null ? AgentSettings.none() : file;
        Map<String, String> mergedLabels = new LinkedHashMap<>(base.labels());
        mergedLabels.putAll(labels);
        NetworkConfig network = staticIp == null && ipGateway == null && dns.isEmpty() && vlan == null && serviceIpRange == null
                ? base.network() : new NetworkConfig(staticIp, ipGateway, dns.isEmpty() ? null : dns, vlan, serviceIpRange);
        return new AgentSettings(or(text(bundle), base.bundle()), or(text(stateDir), base.stateDir()),
                or(text(kubeconfig), base.kubeconfig()), or(text(upgradeHook), base.upgradeHook()), mergedLabels, or(timeZone, base.timeZone()), network,
                nodes.isEmpty() ? base.nodes() : nodes, or(heartbeatSeconds, base.heartbeatSeconds()),
                or(telemetrySeconds, base.telemetrySeconds()), or(telemetryBuffer, base.telemetryBuffer()),
                noTelemetry ? Boolean.FALSE : base.telemetry());
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    private static <T> T or(T option, T file) {
        return option != null ? option : file;
    }
}
