package io.edgefleet.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.Agent;
import io.edgefleet.agent.AgentConfig;
import io.edgefleet.agent.MachineSettings;
import io.edgefleet.agent.cluster.KubernetesClusterAccess;
import io.edgefleet.agent.cluster.MachineNodes;
import io.edgefleet.agent.commands.ScriptUpgradeHook;
import io.edgefleet.agent.identity.DirectoryStateStore;
import io.edgefleet.agent.telemetry.DirectoryTelemetryBuffer;
import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.events.agent.Bundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import picocli.CommandLine;

/** Runs the agent of this machine until it is stopped, as its service does ({@code run --config}). */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run this machine's agent until it is stopped (the installed service runs 'run --config <file>').",
            "Options given here override the configuration file's."})
public class RunCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--config", description = "the agent's configuration file, as written by install")
    Path config;

    @CommandLine.Option(names = "--root", defaultValue = "/",
            description = "resolve the configuration's paths under this directory (an image, a test; default: /)")
    Path root;

    @CommandLine.Option(names = "--server", split = ",", description = "gateway URL(s), instead of the bundle's")
    List<URI> servers = new ArrayList<>();

    @CommandLine.Option(names = "--enrollment-token", description = "enrollment token, instead of the bundle's (first run only)")
    String enrollmentToken;

    @CommandLine.Option(names = "--telemetry-url", description = "telemetry-service URL, instead of the bundle's")
    URI telemetryUrl;

    @CommandLine.Option(names = "--gitops-url", description = "gitops-service URL, instead of the bundle's")
    URI gitopsUrl;

    @CommandLine.Mixin
    AgentOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AgentSettings settings = options.over(config == null ? null : AgentSettings.read(rooted(config.toString())));
        Bundle bundle = settings.bundle() == null ? null : BundleFile.read(rooted(settings.bundle()));
        List<URI> gateways = !servers.isEmpty() ? servers : bundle == null ? List.of() : bundle.gatewayUrls();
        if (gateways.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a bundle (--bundle or the config's) or --server is required");
        }
        String host = Hosts.name();
        Path kubeconfig = LocalCluster.kubeconfig(root, settings.kubeconfig());
        Path stateDir = settings.stateDir() == null ? Path.of("edgefleet-agent") : rooted(settings.stateDir());
        MachineNodes nodes = settings.nodes().isEmpty() ? MachineNodes.ofHost(host) : MachineNodes.named(settings.nodes());
        String timeZone = settings.timeZone() != null ? settings.timeZone() : ZoneId.systemDefault().getId();
        AgentConfig agentConfig = new AgentConfig(gateways,
                enrollmentToken != null ? enrollmentToken : bundle == null ? null : bundle.enrollmentToken(),
                Duration.ofSeconds(or(settings.heartbeatSeconds(), 30)), VersionCommand.VERSION, Hosts.facts(host),
                Duration.ofMinutes(10), telemetry(settings, bundle), Duration.ofSeconds(or(settings.telemetrySeconds(), 60)),
                AgentProtocol.CURRENT, new MachineSettings(settings.labels(), timeZone, settings.network()),
                bundle == null || bundle.trustAnchors() == null ? List.of() : bundle.trustAnchors().releaseSigningKeys(),
                stateDir.resolve("releases"), gitopsUrl != null ? gitopsUrl : bundle == null ? null : bundle.gitopsUrl());
        Agent agent = new Agent(agentConfig, new DirectoryStateStore(stateDir),
                new KubernetesClusterAccess(LocalCluster.client(kubeconfig), host, nodes),
                new ScriptUpgradeHook(rooted(settings.upgradeHook()), 60),
                new DirectoryTelemetryBuffer(stateDir.resolve("telemetry"), or(settings.telemetryBuffer(), 10_000)),
                HttpClient.newHttpClient(), new ObjectMapper().findAndRegisterModules(), Executors.newScheduledThreadPool(1),
                Executors.newFixedThreadPool(2), new Random());
        Runtime.getRuntime().addShutdownHook(new Thread(agent::stop));
        agent.start();
        new CountDownLatch(1).await();
        return 0;
    }

    /** Telemetry goes to the bundle's telemetry-service unless switched off or pointed elsewhere. */
    private URI telemetry(AgentSettings settings, Bundle bundle) {
        if (Boolean.FALSE.equals(settings.telemetry())) {
            return null;
        }
        return telemetryUrl != null ? telemetryUrl : bundle == null ? null : bundle.telemetryUrl();
    }

    private Path rooted(String path) {
        return path == null ? null : HostLayout.under(root, path);
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
