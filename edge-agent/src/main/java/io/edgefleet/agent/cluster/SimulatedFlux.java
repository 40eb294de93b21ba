package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays Flux on a simulated cluster. A Kustomization reconciles for a moment after each change of
 * its object, then is Ready at a revision of its source, the same on every cluster for the same
 * source and ref (they all check out one commit) — or is not ready where a real Flux fails: a
 * path containing {@code does-not-exist} (the path is not in the artifact), a source whose host
 * ends in {@code .invalid} (it cannot be fetched), a source that is not there.
 */
public class SimulatedFlux {

    private final Clock clock;
    private final Duration reconcileTime;
    private final Map<String, Stored> objects = new ConcurrentHashMap<>();
    private volatile boolean installed = true;

    private record Stored(ObjectNode object, Instant changedAt) {
    }

    public SimulatedFlux(Clock clock, Duration reconcileTime) {
        this.clock = clock;
        this.reconcileTime = reconcileTime;
    }

    /** A cluster whose operator never installed Flux: the CRDs are gone, and the objects with them. */
    public void uninstall() {
        installed = false;
        objects.clear();
    }

    synchronized void apply(List<ObjectNode> applied) {
        if (!installed) {
            throw new IllegalStateException("the server could not find the requested resource (Flux's CRDs are not installed)");
        }
        for (ObjectNode object : applied) {
            String key = key(object.path("kind").asText(), object.path("metadata").path("name").asText());
            Stored existing = objects.get(key);
            if (existing == null || !existing.object().equals(object)) {
                objects.put(key, new Stored(object.deepCopy(), clock.instant()));
            }
        }
    }

    void delete(List<FluxState.FluxObject> deleted) {
        deleted.forEach(o -> objects.remove(key(o.kind(), o.name())));
    }

    FluxState state() {
        if (!installed) {
            return FluxState.notInstalled();
        }
        return new FluxState(true, objects.values().stream().map(this::observed).toList());
    }

    /** Flux objects on the cluster, for assertions. */
    public int objectCount() {
        return objects.size();
    }

    private FluxState.FluxObject observed(Stored stored) {
        JsonNode object = stored.object();
        String kind = object.path("kind").asText();
        JsonNode metadata = object.path("metadata");
        String configuration = metadata.path("labels").path(FluxState.CONFIGURATION_LABEL).asText(null);
        String version = metadata.path("annotations").path(FluxState.VERSION_ANNOTATION).asText(null);
        String name = metadata.path("name").asText();
        if (!"Kustomization".equals(kind)) {
            return new FluxState.FluxObject(kind, name, configuration, version, null, null, null, null);
        }
        String[] ready = readiness(stored);
        return new FluxState.FluxObject(kind, name, configuration, version, ready[0], ready[1], ready[2], ready[3]);
    }

    /** Ready's status, reason and message, and the revision applied. */
    private String[] readiness(Stored stored) {
        JsonNode spec = stored.object().path("spec");
        if (clock.instant().isBefore(stored.changedAt().plus(reconcileTime))) {
            return new String[] {"Unknown", "Progressing", "Reconciliation in progress", null};
        }
        JsonNode sourceRef = spec.path("sourceRef");
        Stored source = objects.get(key(sourceRef.path("kind").asText(), sourceRef.path("name").asText()));
        if (source == null) {
            return new String[] {"False", "ArtifactFailed", "Source '" + sourceRef.path("kind").asText() + "/"
                    + FluxState.NAMESPACE + "/" + sourceRef.path("name").asText() + "' not found", null};
        }
        String url = source.object().path("spec").path("url").asText();
        String host = URI.create(url.replaceFirst("^oci://", "https://")).getHost();
        if (host != null && host.endsWith(".invalid")) {
            return new String[] {"False", "ArtifactFailed", "failed to checkout and determine revision: unable to clone '"
                    + url + "': dial tcp: lookup " + host + ": no such host", null};
        }
        String path = spec.path("path").asText("./");
        if (path.contains("does-not-exist")) {
            return new String[] {"False", "BuildFailed", "kustomization path not found: stat /tmp/kustomization/"
                    + path.replaceFirst("^\\./", "") + ": no such file or directory", null};
        }
        String revision = revision(source.object());
        return new String[] {"True", "ReconciliationSucceeded", "Applied revision: " + revision, revision};
    }

    /** Flux's revision format: {@code <ref>@sha1:<commit>} for git, {@code <tag>@sha256:<digest>} for OCI. */
    private static String revision(JsonNode source) {
        JsonNode spec = source.path("spec");
        JsonNode ref = spec.path("ref");
        String seed = spec.path("url").asText() + ref;
        if ("OCIRepository".equals(source.path("kind").asText())) {
            return ref.hasNonNull("digest") ? ref.path("digest").asText()
                    : ref.path("tag").asText(ref.path("semver").asText("latest")) + "@sha256:" + digest("SHA-256", seed);
        }
        if (ref.hasNonNull("commit")) {
            return "sha1:" + ref.path("commit").asText();
        }
        String name = ref.path("branch").asText(ref.path("tag").asText(ref.path("semver").asText("main")));
        return name + "@sha1:" + digest("SHA-1", seed);
    }

    private static String digest(String algorithm, String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String kind, String name) {
        return kind + "/" + name;
    }
}
