package io.edgefleet.agent.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.edgefleet.events.inventory.NetworkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The agent's configuration file ({@code /etc/edgefleet/agent.yaml} on Linux hosts,
 * {@code C:\ProgramData\EdgeFleet\agent.yaml} on Windows hosts), written by {@code install} and
 * read by {@code run --config}. Paths are the host's, kept as written (a Windows path stays one when the
 * file is made elsewhere); {@code run --root} resolves them
 * under another directory (an image being built, a test).
 *
 * @param bundle the onboarding bundle (gateway and telemetry URLs, enrollment token, trust anchors)
 * @param stateDir identity, command ledger, status and telemetry buffer (owner-only)
 * @param kubeconfig the local cluster's kubeconfig, as the product hands it out on the host
 * @param upgradeHook the executable that upgrades this machine (see the README's hook contract)
 * @param labels labels this device reports about itself (e.g. site), kept apart from operators' labels
 * @param timeZone the machine's IANA time zone (e.g. Europe/Berlin), for maintenance windows
 * @param network the machine's static network configuration
 * @param nodes this machine's node names, where they do not follow {@code <host>-ledge} / {@code <host>-wedge}
 * @param telemetry false to send no telemetry although the bundle names telemetry-service
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AgentSettings(String bundle, String stateDir, String kubeconfig, String upgradeHook, Map<String, String> labels,
                            String timeZone, NetworkConfig network, List<String> nodes, Integer heartbeatSeconds,
                            Integer telemetrySeconds, Integer telemetryBuffer, Boolean telemetry) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AgentSettings {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** No settings: every default applies. */
    public static AgentSettings none() {
        return new AgentSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static AgentSettings read(Path file) throws IOException {
        return YAML.readValue(file.toFile(), AgentSettings.class);
    }

    public String toYaml() throws IOException {
        return "# EdgeFleet agent configuration, written by `edge-agent install`; see edge-agent/README.md.\n"
                + YAML.writeValueAsString(this);
    }
}
