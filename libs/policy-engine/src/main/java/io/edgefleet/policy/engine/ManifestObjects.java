package io.edgefleet.policy.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes objects of an {@code apply-manifests} payload, and what admission rules ask of
 * them most: every container (init and ephemeral ones too) and every volume of every pod
 * template, each with {@code owner} ({@code Kind/name}) so a violation names the workload.
 *
 * @param objects the parsed documents (empty documents left out)
 * @param containers containers of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs
 * @param volumes volumes of the same pod templates
 */
record ManifestObjects(List<Object> objects, List<Object> containers, List<Object> volumes) {

    /** More documents than a command may carry (its payload is at most 256 KiB) is refused. */
    static final int MAX_OBJECTS = 1000;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    static ManifestObjects parse(String manifests) {
        List<Object> objects = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(manifests);
             MappingIterator<Object> documents = YAML.readValues(parser, Object.class)) {
            while (documents.hasNextValue()) {
                Object document = documents.nextValue();
                if (document != null) {
                    objects.add(CelValues.normalize(document, Set.of()));
                }
                if (objects.size() > MAX_OBJECTS) {
                    throw new IllegalArgumentException("manifests hold more than " + MAX_OBJECTS + " objects");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException("manifests are not YAML: " + e.getMessage(), e);
        }
        List<Object> containers = new ArrayList<>();
        List<Object> volumes = new ArrayList<>();
        objects.forEach(object -> podSpec(object).ifPresent(spec -> collect(owner(object), spec, containers, volumes)));
        return new ManifestObjects(objects, containers, volumes);
    }

    private static java.util.Optional<Map<?, ?>> podSpec(Object object) {
        if (!(object instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
            return java.util.Optional.empty();
        }
        List<String> path = switch (kind) {
            case "Pod" -> List.of("spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController" ->
                    List.of("spec", "template", "spec");
            case "CronJob" -> List.of("spec", "jobTemplate", "spec", "template", "spec");
            default -> List.of();
        };
        Object at = path.isEmpty() ? null : map;
        for (String step : path) {
            at = at instanceof Map<?, ?> level ? level.get(step) : null;
        }
        return at instanceof Map<?, ?> spec ? java.util.Optional.of(spec) : java.util.Optional.empty();
    }

    private static void collect(String owner, Map<?, ?> spec, List<Object> containers, List<Object> volumes) {
        for (String list : CONTAINER_LISTS) {
            if (spec.get(list) instanceof List<?> items) {
                items.forEach(item -> withOwner(item, owner).ifPresent(containers::add));
            }
        }
        if (spec.get("volumes") instanceof List<?> items) {
            items.forEach(item -> withOwner(item, owner).ifPresent(volumes::add));
        }
    }

    private static java.util.Optional<Object> withOwner(Object item, String owner) {
        if (!(item instanceof Map<?, ?> map)) {
            return java.util.Optional.empty();
        }
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.put("owner", owner);
        return java.util.Optional.of(copy);
    }

    private static String owner(Object object) {
        Map<?, ?> map = (Map<?, ?>) object;
        Object name = map.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : null;
        return map.get("kind") + "/" + (name == null ? "" : name);
    }
}
