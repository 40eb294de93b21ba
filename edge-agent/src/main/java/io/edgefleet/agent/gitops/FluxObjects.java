package io.edgefleet.agent.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.cluster.FluxState;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes one configuration as Flux's own objects in {@code flux-system}: its source (a
 * {@code GitRepository} or an {@code OCIRepository}) named after the configuration, the Secret
 * holding the source's credentials, and one {@code Kustomization} per kustomization, named
 * {@code <configuration>-<kustomization>}. Flux then does the syncing.
 */
public final class FluxObjects {

    public static final String GIT_REPOSITORY = "GitRepository";
    public static final String OCI_REPOSITORY = "OCIRepository";
    public static final String KUSTOMIZATION = "Kustomization";
    public static final String SECRET = "Secret";
    static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";
    static final String OCI_API = "source.toolkit.fluxcd.io/v1beta2";
    static final String KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";

    private final ObjectMapper json;

    public FluxObjects(ObjectMapper json) {
        this.json = json;
    }

    /** The objects of {@code configuration}, sources and secrets first. */
    public List<ObjectNode> of(DesiredSet.Configuration configuration) {
        List<ObjectNode> objects = new ArrayList<>(secrets(configuration));
        objects.add(source(configuration));
        configuration.kustomizations().forEach(k -> objects.add(kustomization(configuration, k)));
        return objects;
    }

    /** The name Flux's Kustomization has on the cluster. */
    public static String kustomizationName(DesiredSet.Configuration configuration, DesiredSet.Kustomization kustomization) {
        return configuration.name() + "-" + kustomization.name();
    }

    public static String sourceKind(DesiredSet.Configuration configuration) {
        return "oci".equals(configuration.source().kind()) ? OCI_REPOSITORY : GIT_REPOSITORY;
    }

    private ObjectNode source(DesiredSet.Configuration c) {
        DesiredSet.Source source = c.source();
        boolean oci = OCI_REPOSITORY.equals(sourceKind(c));
        ObjectNode object = object(oci ? OCI_API : SOURCE_API, sourceKind(c), c.name(), c);
        ObjectNode spec = object.putObject("spec").put("url", source.url())
                .put("interval", orDefault(source.interval(), "10m")).put("timeout", orDefault(source.timeout(), "60s"));
        spec.set("ref", oci ? ociRef(source.ref()) : gitRef(source.ref()));
        if (c.suspend()) {
            spec.put("suspend", true);
        }
        DesiredSet.Credentials credentials = source.credentials();
        if (credentials != null && (credentials.username() != null || credentials.sshPrivateKey() != null
                || !oci && credentials.caCertificate() != null)) {
            spec.putObject("secretRef").put("name", c.name() + "-auth");
        }
        if (oci && credentials != null && credentials.caCertificate() != null) {
            spec.putObject("certSecretRef").put("name", c.name() + "-ca");
        }
        return object;
    }

    private ObjectNode kustomization(DesiredSet.Configuration c, DesiredSet.Kustomization k) {
        ObjectNode object = object(KUSTOMIZE_API, KUSTOMIZATION, kustomizationName(c, k), c);
        ObjectNode spec = object.putObject("spec").put("interval", orDefault(k.interval(), "10m"))
                .put("path", orDefault(k.path(), "./")).put("prune", k.prune() == null || k.prune())
                .put("force", Boolean.TRUE.equals(k.force())).put("wait", k.waitForReady() == null || k.waitForReady())
                .put("timeout", orDefault(k.timeout(), "5m"));
        if (k.retryInterval() != null) {
            spec.put("retryInterval", k.retryInterval());
        }
        spec.putObject("sourceRef").put("kind", sourceKind(c)).put("name", c.name());
        k.dependsOn().forEach(d -> spec.withArray("dependsOn").addObject().put("name", c.name() + "-" + d));
        if (!k.substitute().isEmpty()) {
            ObjectNode substitute = spec.putObject("postBuild").putObject("substitute");
            k.substitute().forEach(substitute::put);
        }
        if ("namespace".equals(c.scope()) && c.namespace() != null) {
            spec.put("targetNamespace", c.namespace());
        }
        if (c.suspend()) {
            spec.put("suspend", true);
        }
        return object;
    }

    private List<ObjectNode> secrets(DesiredSet.Configuration c) {
        DesiredSet.Credentials credentials = c.source().credentials();
        if (credentials == null) {
            return List.of();
        }
        List<ObjectNode> secrets = new ArrayList<>();
        boolean oci = OCI_REPOSITORY.equals(sourceKind(c));
        if (oci) {
            if (credentials.username() != null) {
                ObjectNode secret = object("v1", SECRET, c.name() + "-auth", c).put("type", "kubernetes.io/dockerconfigjson");
                secret.putObject("stringData").put(".dockerconfigjson", dockerConfig(c.source().url(), credentials));
                secrets.add(secret);
            }
            if (credentials.caCertificate() != null) {
                ObjectNode secret = object("v1", SECRET, c.name() + "-ca", c).put("type", "Opaque");
                secret.putObject("stringData").put("ca.crt", credentials.caCertificate());
                secrets.add(secret);
            }
            return secrets;
        }
        ObjectNode data = json.createObjectNode();
        putIfPresent(data, "username", credentials.username());
        putIfPresent(data, "password", credentials.password());
        putIfPresent(data, "identity", credentials.sshPrivateKey());
        putIfPresent(data, "known_hosts", credentials.knownHosts());
        putIfPresent(data, "ca.crt", credentials.caCertificate());
        if (!data.isEmpty()) {
            ObjectNode secret = object("v1", SECRET, c.name() + "-auth", c).put("type", "Opaque");
            secret.set("stringData", data);
            secrets.add(secret);
        }
        return secrets;
    }

    private String dockerConfig(String url, DesiredSet.Credentials credentials) {
        String registry = URI.create(url.replaceFirst("^oci://", "https://")).getHost();
        String auth = Base64.getEncoder().encodeToString((credentials.username() + ":" + (credentials.password() == null ? ""
                : credentials.password())).getBytes(StandardCharsets.UTF_8));
        ObjectNode config = json.createObjectNode();
        config.putObject("auths").putObject(registry).put("username", credentials.username())
                .put("password", credentials.password()).put("auth", auth);
        return config.toString();
    }

    private ObjectNode object(String apiVersion, String kind, String name, DesiredSet.Configuration c) {
        ObjectNode object = json.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name).put("namespace", FluxState.NAMESPACE);
        metadata.putObject("labels").put(FluxState.CONFIGURATION_LABEL, c.id()).put("app.kubernetes.io/managed-by", "edgefleet-agent");
        metadata.putObject("annotations").put(FluxState.VERSION_ANNOTATION, c.resourceVersion());
        return object;
    }

    /** Flux takes commit over semver over tag over branch; the set names one, and none means branch main. */
    private ObjectNode gitRef(DesiredSet.Ref ref) {
        ObjectNode node = json.createObjectNode();
        if (ref != null && ref.commit() != null) {
            return node.put("commit", ref.commit());
        }
        if (ref != null && ref.semver() != null) {
            return node.put("semver", ref.semver());
        }
        if (ref != null && ref.tag() != null) {
            return node.put("tag", ref.tag());
        }
        return node.put("branch", ref == null || ref.branch() == null ? "main" : ref.branch());
    }

    private ObjectNode ociRef(DesiredSet.Ref ref) {
        ObjectNode node = json.createObjectNode();
        if (ref != null && ref.digest() != null) {
            return node.put("digest", ref.digest());
        }
        if (ref != null && ref.semver() != null) {
            return node.put("semver", ref.semver());
        }
        return node.put("tag", ref == null || ref.tag() == null ? "latest" : ref.tag());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
