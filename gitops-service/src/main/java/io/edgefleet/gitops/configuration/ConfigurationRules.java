package io.edgefleet.gitops.configuration;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Kustomization;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Ref;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Source;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a configuration must be before it is stored, and the defaults Flux would otherwise pick
 * implicitly, written out so every device and every reader sees the same values.
 */
final class ConfigurationRules {

    static final String CLUSTER = "cluster";
    static final String NAMESPACE = "namespace";
    static final String GIT = "git";
    static final String OCI = "oci";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6}(ms|s|m|h))+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern REF_TEXT = Pattern.compile("[^\\s\\p{Cntrl}]{1,253}");
    private static final Pattern VARIABLE = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]{0,252}");

    private ConfigurationRules() {
    }

    /** The spec as stored (credentials excluded, defaults filled), or a 422 naming the field. */
    static ConfigurationSpec normalized(ConfigurationSpec spec) {
        if (spec.name() == null || !DNS_LABEL.matcher(spec.name()).matches()) {
            throw FleetException.unprocessable("spec.name", "a DNS-1123 label: lower-case letters, digits and '-', at most 63");
        }
        String scope = spec.scope() == null ? CLUSTER : spec.scope();
        if (!Set.of(CLUSTER, NAMESPACE).contains(scope)) {
            throw FleetException.unprocessable("spec.scope", "cluster or namespace");
        }
        if (NAMESPACE.equals(scope) != (spec.namespace() != null)) {
            throw FleetException.unprocessable("spec.namespace", NAMESPACE.equals(scope)
                    ? "the namespace a namespace-scoped configuration applies into; required" : "only for scope namespace");
        }
        if (spec.namespace() != null && !DNS_LABEL.matcher(spec.namespace()).matches()) {
            throw FleetException.unprocessable("spec.namespace", "a DNS-1123 label");
        }
        return new ConfigurationSpec(spec.name(), spec.description(), scope, spec.namespace(), source(spec.source()),
                kustomizations(spec.kustomizations()), Boolean.TRUE.equals(spec.suspend()), target(spec.target()));
    }

    private static Source source(Source source) {
        if (source == null || source.kind() == null || !Set.of(GIT, OCI).contains(source.kind())) {
            throw FleetException.unprocessable("spec.source.kind", "git or oci");
        }
        boolean git = GIT.equals(source.kind());
        String url = source.url();
        List<String> schemes = git ? List.of("https://", "http://", "ssh://") : List.of("oci://");
        if (url == null || schemes.stream().noneMatch(url::startsWith) || url.length() <= 8 || !REF_TEXT.matcher(url).matches()) {
            throw FleetException.unprocessable("spec.source.url", "a " + source.kind() + " URL starting with " + String.join(" or ", schemes));
        }
        return new Source(source.kind(), url, git ? gitRef(source.ref()) : ociRef(source.ref()),
                duration(source.interval(), "10m", "spec.source.interval"), duration(source.timeout(), "60s", "spec.source.timeout"), null);
    }

    private static Ref gitRef(Ref ref) {
        if (ref == null || (ref.branch() == null && ref.tag() == null && ref.semver() == null && ref.commit() == null)) {
            return new Ref(ref == null || ref.digest() == null ? "main" : refuseDigest(), null, null, null, null);
        }
        if (ref.digest() != null) {
            refuseDigest();
        }
        if (ref.commit() != null && !COMMIT.matcher(ref.commit()).matches()) {
            throw FleetException.unprocessable("spec.source.ref.commit", "a commit SHA: 7 to 64 lower-case hex digits");
        }
        text(ref.branch(), "spec.source.ref.branch");
        text(ref.tag(), "spec.source.ref.tag");
        text(ref.semver(), "spec.source.ref.semver");
        return ref;
    }

    private static String refuseDigest() {
        throw FleetException.unprocessable("spec.source.ref.digest", "only an oci source has a digest");
    }

    private static Ref ociRef(Ref ref) {
        if (ref != null && (ref.branch() != null || ref.commit() != null)) {
            throw FleetException.unprocessable("spec.source.ref", "an oci source takes a tag, a semver range or a digest");
        }
        if (ref == null || (ref.tag() == null && ref.semver() == null && ref.digest() == null)) {
            return new Ref(null, "latest", null, null, null);
        }
        if (ref.digest() != null && !DIGEST.matcher(ref.digest()).matches()) {
            throw FleetException.unprocessable("spec.source.ref.digest", "sha256: and 64 lower-case hex digits");
        }
        text(ref.tag(), "spec.source.ref.tag");
        text(ref.semver(), "spec.source.ref.semver");
        return ref;
    }

    private static List<Kustomization> kustomizations(List<Kustomization> given) {
        if (given == null || given.isEmpty()) {
            throw FleetException.unprocessable("spec.kustomizations", "at least one kustomization");
        }
        Set<String> names = new HashSet<>();
        List<Kustomization> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Kustomization k = given.get(i);
            String field = "spec.kustomizations[" + i + "]";
            if (k == null || k.name() == null || !DNS_LABEL.matcher(k.name()).matches() || !names.add(k.name())) {
                throw FleetException.unprocessable(field + ".name", "a DNS-1123 label, unique in the configuration");
            }
            out.add(kustomization(k, field));
        }
        Dependencies.requireAcyclic(out);
        return out;
    }

    private static Kustomization kustomization(Kustomization k, String field) {
        String path = k.path() == null ? "./" : k.path();
        if (path.startsWith("/") || List.of(path.split("/")).contains("..") || !REF_TEXT.matcher(path).matches()) {
            throw FleetException.unprocessable(field + ".path", "a path inside the source: relative, without '..'");
        }
        String interval = duration(k.interval(), "10m", field + ".interval");
        variables(k.substitute(), field + ".substitute");
        variables(k.substituteFromLabels(), field + ".substituteFromLabels");
        return new Kustomization(k.name(), path, k.dependsOn() == null ? List.of() : k.dependsOn(), interval,
                duration(k.retryInterval(), interval, field + ".retryInterval"), duration(k.timeout(), "5m", field + ".timeout"),
                k.prune() == null || k.prune(), Boolean.TRUE.equals(k.force()), k.waitForReady() == null || k.waitForReady(),
                k.substitute() == null ? Map.of() : k.substitute(),
                k.substituteFromLabels() == null ? Map.of() : k.substituteFromLabels());
    }

    private static void variables(Map<String, String> variables, String field) {
        if (variables != null && variables.entrySet().stream().anyMatch(e -> !VARIABLE.matcher(e.getKey()).matches()
                || e.getValue() == null)) {
            throw FleetException.unprocessable(field, "variable names are letters, digits and '_', not starting with a digit; values required");
        }
    }

    private static Target target(Target target) {
        int given = target == null ? 0 : (target.group() != null ? 1 : 0) + (target.labelSelector() != null ? 1 : 0)
                + (target.clusters() != null ? 1 : 0);
        if (given != 1) {
            throw FleetException.unprocessable("spec.target", "exactly one of group, labelSelector and clusters");
        }
        if (target.labelSelector() != null) {
            LabelSelector.parse(target.labelSelector());
        }
        if (target.clusters() != null && (target.clusters().isEmpty() || target.clusters().contains(null))) {
            throw FleetException.unprocessable("spec.target.clusters", "at least one cluster id");
        }
        return target;
    }

    private static String duration(String value, String fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (!DURATION.matcher(value).matches()) {
            throw FleetException.unprocessable(field, "a duration such as 30s, 5m or 1h30m");
        }
        return value;
    }

    private static void text(String value, String field) {
        if (value != null && !REF_TEXT.matcher(value).matches()) {
            throw FleetException.unprocessable(field, "no blanks or control characters, at most 253");
        }
    }
}
