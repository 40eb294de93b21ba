package io.edgefleet.agent.gitops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What gitops-service says this machine's cluster is to hold ({@code GET /api/v1/agent/configurations}),
 * read tolerantly: unknown fields are ignored, missing lists are empty.
 *
 * @param applies false: another machine of the cluster applies them; this one leaves Flux's objects be
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesiredSet(String fingerprint, String clusterId, boolean applies, List<Configuration> configurations) {

    public DesiredSet {
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /**
     * @param missingLabels label keys a substitution needs that the machine lacks: nothing of it is applied
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Configuration(String id, String name, String resourceVersion, String scope, String namespace,
                                boolean suspend, Source source, List<Kustomization> kustomizations, List<String> missingLabels) {

        public Configuration {
            kustomizations = kustomizations == null ? List.of() : List.copyOf(kustomizations);
            missingLabels = missingLabels == null ? List.of() : List.copyOf(missingLabels);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String kind, String url, Ref ref, String interval, String timeout, Credentials credentials) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(String branch, String tag, String semver, String commit, String digest) {
    }

    /** Secrets: never logged, never journalled; they go into the cluster's Secret and nowhere else. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credentials(String username, String password, String sshPrivateKey, String knownHosts, String caCertificate) {

        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kustomization(String name, String path, List<String> dependsOn, String interval, String retryInterval,
                                String timeout, Boolean prune, Boolean force, @JsonProperty("wait") Boolean waitForReady,
                                Map<String, String> substitute) {

        public Kustomization {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            substitute = substitute == null ? Map.of() : Map.copyOf(substitute);
        }
    }
}
