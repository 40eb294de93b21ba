package io.edgefleet.policy.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The change an admission rule judges, as {@code request}: {@code kind} is {@code command} or
 * {@code upgrade}. A command has {@code command.type}, {@code command.payload} and, for manifests,
 * {@code command.objects} (the parsed documents), {@code command.containers} and
 * {@code command.volumes} (those of every pod template in them, see {@link ManifestObjects}).
 * An upgrade has {@code upgrade.releaseKind}, {@code fromDistribution}, {@code toDistribution},
 * {@code fromVersion}, {@code toVersion} and {@code rollback}.
 */
public record AdmissionRequest(Map<String, Object> value) {

    public AdmissionRequest {
        value = Map.copyOf(value);
    }

    /**
     * A command with its payload (a JSON value or map).
     *
     * @throws IllegalArgumentException when the payload's manifests are not YAML
     */
    public static AdmissionRequest command(String type, Object payload) {
        Map<String, Object> payloadDoc = CelValues.mapOf(payload, Set.of());
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("type", type);
        command.put("payload", payloadDoc);
        if (payloadDoc.get("manifests") instanceof String manifests) {
            ManifestObjects objects = ManifestObjects.parse(manifests);
            command.put("objects", objects.objects());
            command.put("containers", objects.containers());
            command.put("volumes", objects.volumes());
        }
        return new AdmissionRequest(Map.of("kind", "command", "command", command));
    }

    /** An upgrade from one release to another; null versions or distributions are left out. */
    public static AdmissionRequest upgrade(String releaseKind, String fromDistribution, String toDistribution,
                                           String fromVersion, String toVersion, boolean rollback) {
        Map<String, Object> upgrade = new LinkedHashMap<>();
        upgrade.put("releaseKind", releaseKind);
        upgrade.put("fromDistribution", fromDistribution);
        upgrade.put("toDistribution", toDistribution);
        upgrade.put("fromVersion", fromVersion);
        upgrade.put("toVersion", toVersion);
        upgrade.put("rollback", rollback);
        upgrade.values().removeIf(java.util.Objects::isNull);
        return new AdmissionRequest(Map.of("kind", "upgrade", "upgrade", upgrade));
    }
}
