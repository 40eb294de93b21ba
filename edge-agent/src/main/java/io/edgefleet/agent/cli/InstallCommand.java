package io.edgefleet.agent.cli;

import io.edgefleet.agent.identity.DirectoryStateStore;
import io.edgefleet.events.agent.Bundle;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Onboards this machine in one step: checks its cluster answers, writes the state directory
 * (owner-only, with the bundle in it), the configuration and the service definition, then
 * registers and starts the service. Into another root (an image, a test) it writes the files only.
 */
@CommandLine.Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Install this machine's agent as a service from an onboarding bundle, and start it.")
public class InstallCommand implements Callable<Integer> {

    static final int BAD_BUNDLE = 2;
    static final int CLUSTER_UNREACHABLE = 3;

    @CommandLine.Option(names = "--root", defaultValue = "/", description = "install into this directory instead of the host (default: /)")
    Path root;

    @CommandLine.Option(names = "--host-os", description = "linux (systemd) or windows (Windows service); default: this host's")
    String hostOs;

    @CommandLine.Option(names = "--no-start", negatable = false, description = "write the files, but do not register or start the service")
    boolean noStart;

    @CommandLine.Mixin
    AgentOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (options.bundle == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bundle is required: create one with "
                    + "POST /api/v1/enrollment-bundles");
        }
        Bundle bundle;
        try {
            bundle = BundleFile.read(options.bundle);
        } catch (BundleFile.BundleException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return BAD_BUNDLE;
        }
        HostLayout layout = HostLayout.of(hostOs == null ? HostLayout.thisHost() : hostOs, root);
        // The kubeconfig is the host's (under --root when installing elsewhere), as the service will read it.
        Path onDisk = LocalCluster.kubeconfig(root, options.kubeconfig == null ? null : options.kubeconfig.toString());
        String kubeconfig = options.kubeconfig != null ? options.kubeconfig.toString()
                : onDisk == null ? null : LocalCluster.K3S_KUBECONFIG.toString();
        if (!clusterAnswers(onDisk, out)) {
            return CLUSTER_UNREACHABLE;
        }
        Path stateDir = layout.onDisk(layout.stateDir());
        Files.createDirectories(stateDir);
        DirectoryStateStore.ownerOnlyDirectory(stateDir);
        String bundleTarget = join(layout, layout.stateDir(), "bundle.json");
        writeOwnerOnly(layout.onDisk(bundleTarget), Files.readString(options.bundle));
        AgentSettings settings = options.over(null);
        AgentSettings written = new AgentSettings(bundleTarget, layout.stateDir(),
                kubeconfig, settings.upgradeHook(), settings.labels(),
                settings.timeZone(), settings.network(), settings.nodes(), settings.heartbeatSeconds(),
                settings.telemetrySeconds(), settings.telemetryBuffer(), settings.telemetry());
        writeOwnerOnly(layout.onDisk(layout.configFile()), written.toYaml());
        List<String> command = ServiceDefinition.command(ServiceDefinition.launcher(), layout);
        Path service = layout.onDisk(layout.serviceFile());
        Files.createDirectories(service.getParent());
        Files.writeString(service, ServiceDefinition.render(layout, command), StandardCharsets.UTF_8);
        out.printf("installed: configuration %s, state %s, service %s%n", layout.configFile(), layout.stateDir(),
                layout.serviceFile());
        out.printf("gateway %s, telemetry %s%n", bundle.gatewayUrls(), bundle.telemetryUrl() == null ? "off"
                : bundle.telemetryUrl());
        ServiceManager.start(layout, !noStart && layout.isLiveRoot(), out);
        out.printf("the agent logs to: %s%n", layout.logs());
        return 0;
    }

    private static boolean clusterAnswers(Path kubeconfig, PrintWriter out) {
        try (KubernetesClient client = LocalCluster.client(kubeconfig)) {
            NodeList nodes = client.nodes().list();
            out.printf("cluster reachable through %s: %d node(s)%n", LocalCluster.describe(kubeconfig), nodes.getItems().size());
            return true;
        } catch (Exception e) {
            out.printf("cluster NOT reachable through %s: %s%n", LocalCluster.describe(kubeconfig), e.getMessage());
            out.println("check that the cluster runs and that this kubeconfig reaches it (--kubeconfig); nothing was installed");
            return false;
        }
    }

    private static String join(HostLayout layout, String dir, String name) {
        return dir + ("windows".equals(layout.os()) ? "\\" : "/") + name;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        DirectoryStateStore.ownerOnly(Files.createFile(file));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
