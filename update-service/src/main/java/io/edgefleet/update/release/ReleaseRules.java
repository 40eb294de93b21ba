package io.edgefleet.update.release;

import io.edgefleet.core.error.FleetException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** What makes a release well formed, the same for the catalog file and the API (a 422 names the field). */
@ApplicationScoped
public class ReleaseRules {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ReleaseKind kind(String kind) {
        return ReleaseKind.fromWireName(kind).orElseThrow(() ->
                FleetException.unprocessable("spec.kind", "kubernetes, k3s, os-image or agent"));
    }

    /** A release from {@code spec}, or a 422 naming the first field that is wrong. */
    public Release toRelease(ReleaseSpec spec, UUID id, String orgId, OffsetDateTime now) {
        ReleaseKind kind = kind(spec.kind());
        if (ReleaseVersion.parse(kind, spec.version()).isEmpty()) {
            throw FleetException.unprocessable("spec.version", switch (kind) {
                case KUBERNETES -> "a Kubernetes version such as v1.30.4";
                case K3S -> "a k3s version such as v1.30.4+k3s1";
                case OS_IMAGE, AGENT -> "a dotted version such as 2.0.20241101";
            });
        }
        String channel = spec.channel() == null ? "stable" : spec.channel();
        if (!List.of("stable", "preview").contains(channel)) {
            throw FleetException.unprocessable("spec.channel", "stable or preview");
        }
        if (spec.releasedOn() == null) {
            throw FleetException.unprocessable("spec.releasedOn", "the day of the release; required");
        }
        if (spec.endOfSupport() != null && spec.endOfSupport().isBefore(spec.releasedOn())) {
            throw FleetException.unprocessable("spec.endOfSupport", "not before releasedOn");
        }
        List<ReleaseSpec.Artifact> artifacts = spec.artifacts() == null ? List.of() : spec.artifacts();
        artifacts.forEach(ReleaseRules::requireArtifact);
        if (kind == ReleaseKind.AGENT && artifacts.stream().noneMatch(a -> a.signature() != null)) {
            throw FleetException.unprocessable("spec.artifacts", "an agent release needs an artifact with its signature");
        }
        Release release = new Release();
        release.id = id;
        release.orgId = orgId;
        release.kind = kind;
        release.releaseVersion = spec.version();
        release.channel = channel;
        release.releasedOn = spec.releasedOn();
        release.endOfSupport = spec.endOfSupport();
        release.notes = spec.notes();
        release.artifacts = List.copyOf(artifacts);
        release.createdAt = now;
        return release;
    }

    private static void requireArtifact(ReleaseSpec.Artifact artifact) {
        if (artifact == null || artifact.url() == null || !isHttp(artifact.url())) {
            throw FleetException.unprocessable("spec.artifacts.url", "an absolute http(s) URL");
        }
        if (artifact.sha256() == null || !SHA256.matcher(artifact.sha256()).matches()) {
            throw FleetException.unprocessable("spec.artifacts.sha256", "64 lower-case hex digits");
        }
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
