package io.edgefleet.agent.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.events.agent.AgentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Executes one command against the local cluster and says how it ended. Never throws. */
public class CommandExecutor {

    private final ClusterAccess cluster;
    private final UpgradeHook hook;
    private final AgentControl control;
    private final ObjectMapper json;
    private final Duration verifyTimeout;
    private final AgentReleases releases;

    public CommandExecutor(ClusterAccess cluster, UpgradeHook hook, AgentControl control, ObjectMapper json,
                           Duration verifyTimeout, AgentReleases releases) {
        this.releases = releases;
        this.cluster = cluster;
        this.hook = hook;
        this.control = control;
        this.json = json;
        this.verifyTimeout = verifyTimeout;
    }

    public Outcome execute(AgentMessage.CommandView command) {
        JsonNode payload = command.payload() == null ? json.createObjectNode() : command.payload();
        try {
            return switch (command.type()) {
                case "apply-manifests" -> listed("applied", cluster.apply(manifests(payload), namespace(payload)));
                case "delete-manifests" -> listed("deleted", cluster.delete(payload.path("manifests").asText(), namespace(payload)));
                case "collect-diagnostics" -> Outcome.success(json.valueToTree(
                        cluster.diagnostics(Duration.ofMinutes(payload.path("sinceMinutes").asInt(60)))));
                case "upgrade-kubernetes" -> upgradeKubernetes(payload.path("targetVersion").asText());
                case "update-os-image" -> updateOsImage(payload.path("imageVersion").asText());
                case "rotate-credentials" -> {
                    control.rotateCredentials();
                    yield Outcome.success(json.createObjectNode().put("rotated", true));
                }
                case "update-agent" -> {
                    AgentReleases.Staged release = releases.fetchVerified(payload);
                    hook.installAgent(release.version(), release.artifact());
                    yield Outcome.success(json.createObjectNode().put("version", release.version()).put("verified", true)
                            .put("restarting", true));
                }
                case "sync-configurations" -> Outcome.success(control.syncConfigurations(payload.path("fingerprint").asText(null)));
                case "restart-agent" -> {
                    control.restart();
                    yield Outcome.success(json.createObjectNode().put("restarting", true));
                }
                default -> Outcome.failure("this agent does not know command type " + command.type());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("interrupted");
        } catch (Exception e) {
            return Outcome.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome upgradeKubernetes(String target) throws Exception {
        ClusterInventory before = cluster.inventory();
        String distribution = ClusterInventory.distributionOf(target);
        if (!distribution.equals(before.cluster().distribution())) {
            return Outcome.failure("cannot upgrade a " + before.cluster().distribution() + " cluster to " + target
                    + ": k8s and k3s are never switched");
        }
        hook.upgradeKubernetes(target);
        return verified("kubelet version " + target, n -> target.equals(n.kubeletVersion()), "kubernetesVersion", target);
    }

    private Outcome updateOsImage(String image) throws Exception {
        hook.updateOsImage(image);
        return verified("OS image " + image, n -> !"linux".equals(n.os()) || n.osImage() != null && n.osImage().contains(image),
                "osImage", image);
    }

    /** Polls the cluster until every node satisfies {@code check}, or fails naming the nodes that do not. */
    private Outcome verified(String what, Predicate<ClusterInventory.Node> check, String field, String value)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(verifyTimeout);
        List<String> lagging;
        do {
            lagging = cluster.inventory().nodes().stream().filter(check.negate())
                    .map(n -> n.name() + " (" + n.kubeletVersion() + ", " + n.osImage() + ")").toList();
            if (lagging.isEmpty()) {
                ObjectNode result = json.createObjectNode().put(field, value).put("verified", true);
                return Outcome.success(result);
            }
            Thread.sleep(Math.min(2_000, Math.max(10, verifyTimeout.toMillis() / 10)));
        } while (Instant.now().isBefore(deadline));
        return Outcome.failure("the hook finished but the nodes do not report " + what + ": " + lagging);
    }

    private Outcome listed(String field, List<String> objects) {
        ObjectNode result = json.createObjectNode();
        result.set(field, json.valueToTree(objects));
        return Outcome.success(result);
    }

    private static String namespace(JsonNode payload) {
        return payload.hasNonNull("namespace") ? payload.get("namespace").asText() : null;
    }

    /** The manifests, then those carrying secrets (given to the device only, applied alike). */
    private static String manifests(JsonNode payload) {
        String secret = payload.path("secretManifests").asText("");
        return secret.isBlank() ? payload.path("manifests").asText() : payload.path("manifests").asText() + "\n---\n" + secret;
    }
}
