package io.edgefleet.gitops.configuration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an operator writes: a Flux source, the kustomizations that apply it, and where. The agent
 * turns it into Flux's own resources on each targeted cluster (in {@code flux-system}).
 *
 * @param name a DNS-1123 label (it names the Flux objects on the device), unique in the organization
 * @param scope {@code cluster} (the default: Flux applies anywhere) or {@code namespace} (into {@code namespace} only)
 * @param namespace for {@code namespace} scope: where the kustomizations apply
 * @param suspend Flux stops reconciling, the objects stay; compliance says {@code suspended}
 * @param target the clusters: a group, a label selector, or clusters by id (exactly one)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigurationSpec(@Size(max = Limits.NAME) String name, @Size(max = Limits.TEXT) String description,
                                @Schema(enumeration = {"cluster", "namespace"}, defaultValue = "cluster")
                                @Size(max = Limits.SHORT_TEXT) String scope,
                                @Size(max = Limits.SHORT_TEXT) String namespace, @Valid Source source,
                                @Size(max = Limits.KUSTOMIZATIONS) List<@Valid Kustomization> kustomizations,
                                Boolean suspend, @Valid Target target) {

    /**
     * Where Flux fetches from.
     *
     * @param kind {@code git} or {@code oci}
     * @param url git: {@code https://}, {@code http://} or {@code ssh://}; oci: {@code oci://}
     * @param interval how often Flux checks the source (a Go duration, e.g. {@code 5m}; default 10m)
     * @param timeout how long one fetch may take (default 60s)
     * @param credentials write-only: stored sealed, never shown again (reads say only which kind is held);
     *                    omitted on a replace keeps the stored ones, an empty object removes them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(@Schema(enumeration = {"git", "oci"}) @Size(max = Limits.SHORT_TEXT) String kind,
                         @Size(max = Limits.TEXT) String url, @Valid Ref ref,
                         @Size(max = Limits.SHORT_TEXT) String interval, @Size(max = Limits.SHORT_TEXT) String timeout,
                         @Valid Credentials credentials) {
    }

    /**
     * What to check out. git: branch, tag, semver range or commit (Flux takes commit over semver over
     * tag over branch; none: branch {@code main}); oci: tag, semver or digest (digest first; none: tag {@code latest}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ref(@Size(max = Limits.SHORT_TEXT) String branch, @Size(max = Limits.SHORT_TEXT) String tag,
                      @Size(max = Limits.SHORT_TEXT) String semver, @Size(max = Limits.SHORT_TEXT) String commit,
                      @Size(max = Limits.SHORT_TEXT) String digest) {
    }

    /**
     * Secrets for the source: {@code username} + {@code password} (https, oci), or {@code sshPrivateKey}
     * (PEM, with {@code knownHosts}; ssh), and optionally a {@code caCertificate} (PEM) for https and oci.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credentials(@Size(max = Limits.SHORT_TEXT) String username, @Size(max = Limits.CREDENTIAL) String password,
                              @Size(max = Limits.CREDENTIAL) String sshPrivateKey, @Size(max = Limits.CREDENTIAL) String knownHosts,
                              @Size(max = Limits.CREDENTIAL) String caCertificate) {

        boolean empty() {
            return username == null && password == null && sshPrivateKey == null && knownHosts == null && caCertificate == null;
        }
    }

    /**
     * One Flux Kustomization over the source.
     *
     * @param name a DNS-1123 label, unique in the configuration
     * @param path in the source, relative (default {@code ./})
     * @param dependsOn names of kustomizations of this configuration applied first
     * @param waitForReady {@code wait} on the wire: Flux waits for the applied objects to be ready (default true)
     * @param substitute post-build variables: {@code ${VAR}} in the manifests becomes the value
     * @param substituteFromLabels post-build variables taken from the cluster's device labels: variable → label key
     *                             (e.g. {@code SITE: site}), so one configuration serves every site
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kustomization(@Size(max = Limits.SHORT_TEXT) String name, @Size(max = Limits.TEXT) String path,
                                @Size(max = Limits.KUSTOMIZATIONS) List<@Size(max = Limits.SHORT_TEXT) String> dependsOn,
                                @Size(max = Limits.SHORT_TEXT) String interval, @Size(max = Limits.SHORT_TEXT) String retryInterval,
                                @Size(max = Limits.SHORT_TEXT) String timeout, Boolean prune, Boolean force,
                                @JsonProperty("wait") Boolean waitForReady,
                                @Schema(maxProperties = Limits.LABELS) @Size(max = Limits.LABELS)
                                Map<@Size(max = Limits.SHORT_TEXT) String, @Size(max = Limits.TEXT) String> substitute,
                                @Schema(maxProperties = Limits.LABELS) @Size(max = Limits.LABELS)
                                Map<@Size(max = Limits.SHORT_TEXT) String, @Size(max = Limits.LABEL_KEY) String> substituteFromLabels) {
    }

    /** Exactly one: a group (by id), a label selector over devices, or clusters by inventory id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(UUID group, @Size(max = Limits.TEXT) String labelSelector,
                         @Size(max = Limits.LIST_ITEMS) List<UUID> clusters) {
    }

    /** The spec as stored and shown: the credentials left out. */
    public ConfigurationSpec withoutCredentials() {
        Source bare = source == null ? null : new Source(source.kind, source.url, source.ref, source.interval, source.timeout, null);
        return new ConfigurationSpec(name, description, scope, namespace, bare, kustomizations, suspend, target);
    }
}
