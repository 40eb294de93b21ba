package io.edgefleet.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.identity.DirectoryStateStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Prints what the agent last recorded: identity, connection, last heartbeat, queued telemetry. */
@CommandLine.Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print this machine's agent status: identity, connection, last heartbeat, queued telemetry.")
public class StatusCommand implements Callable<Integer> {

    static final int NOT_INSTALLED = 4;

    @CommandLine.Option(names = "--config", description = "the agent's configuration file (default: the host's, as install writes it)")
    Path config;

    @CommandLine.Option(names = "--state-dir", description = "the agent's state directory, instead of the configuration's")
    Path stateDir;

    @CommandLine.Option(names = "--root", defaultValue = "/", description = "resolve paths under this directory")
    Path root;

    @CommandLine.Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path state = stateDirectory();
        if (state == null || !Files.isDirectory(state)) {
            out.println("no agent state found" + (state == null ? "" : " at " + state) + ": is the agent installed here?");
            return NOT_INSTALLED;
        }
        JsonNode status = new ObjectMapper().readTree(new DirectoryStateStore(state).status().orElse("{}"));
        if ("json".equals(output)) {
            out.println(status.toPrettyString());
            return 0;
        }
        out.printf("device:            %s%n", status.path("deviceId").asText("(not enrolled)"));
        out.printf("enrollment:        %s%n", status.path("enrollmentId").asText("-"));
        out.printf("phase:             %s since %s%n", status.path("phase").asText("unknown"), status.path("since").asText("-"));
        out.printf("gateway:           %s%n", status.path("gateway").asText("-"));
        out.printf("cluster:           %s%n", status.path("cluster").asText("-"));
        out.printf("last heartbeat:    %s%n", status.path("lastHeartbeatAt").asText("never"));
        out.printf("queued telemetry:  %s batches%n", queued(state, status));
        if (status.hasNonNull("reason")) {
            out.printf("reason:            %s%n", status.path("reason").asText());
        }
        return 0;
    }

    private Path stateDirectory() throws java.io.IOException {
        if (stateDir != null) {
            return HostLayout.under(root, stateDir.toString());
        }
        HostLayout host = HostLayout.of(HostLayout.thisHost(), root);
        Path file = config != null ? HostLayout.under(root, config.toString()) : host.onDisk(host.configFile());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        AgentSettings settings = AgentSettings.read(file);
        return settings.stateDir() == null ? null : HostLayout.under(root, settings.stateDir());
    }

    /** Counted on disk: the agent may have stopped since it last wrote its status. */
    private static String queued(Path state, JsonNode status) throws java.io.IOException {
        Path buffer = state.resolve("telemetry");
        if (!Files.isDirectory(buffer)) {
            return status.path("telemetryQueued").asText("0");
        }
        try (Stream<Path> files = Files.list(buffer)) {
            return String.valueOf(files.filter(f -> f.getFileName().toString().endsWith(".batch")).count());
        }
    }
}
