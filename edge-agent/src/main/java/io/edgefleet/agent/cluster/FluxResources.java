package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Flux's objects through the Kubernetes API. Flux's kinds are addressed with their group,
 * version and plural spelled out, so nothing depends on API discovery; whether Flux is installed
 * at all is whether its Kustomization CRD exists.
 */
final class FluxResources {

    static final String KUSTOMIZATION_CRD = "kustomizations.kustomize.toolkit.fluxcd.io";
    private static final Map<String, ResourceDefinitionContext> KINDS = Map.of(
            "GitRepository", kind("source.toolkit.fluxcd.io", "v1", "GitRepository", "gitrepositories"),
            "OCIRepository", kind("source.toolkit.fluxcd.io", "v1beta2", "OCIRepository", "ocirepositories"),
            "Kustomization", kind("kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations"));

    private final KubernetesClient client;
    private final String fieldManager;

    FluxResources(KubernetesClient client, String fieldManager) {
        this.client = client;
        this.fieldManager = fieldManager;
    }

    FluxState state() {
        if (client.apiextensions().v1().customResourceDefinitions().withName(KUSTOMIZATION_CRD).get() == null) {
            return FluxState.notInstalled();
        }
        List<FluxState.FluxObject> objects = new ArrayList<>();
        KINDS.forEach((kind, context) -> listed(() -> client.genericKubernetesResources(context).inNamespace(FluxState.NAMESPACE)
                .withLabel(FluxState.CONFIGURATION_LABEL).list().getItems())
                .forEach(o -> objects.add(object(kind, o, o.get("status")))));
        listed(() -> client.secrets().inNamespace(FluxState.NAMESPACE).withLabel(FluxState.CONFIGURATION_LABEL).list().getItems())
                .forEach(s -> objects.add(object("Secret", s, null)));
        return new FluxState(true, objects);
    }

    void apply(List<ObjectNode> objects) {
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asText();
            var serialization = client.getKubernetesSerialization();
            if ("Secret".equals(kind)) {
                applied(client.secrets().inNamespace(FluxState.NAMESPACE).resource(serialization.convertValue(object, Secret.class)));
            } else {
                applied(client.genericKubernetesResources(context(kind)).inNamespace(FluxState.NAMESPACE)
                        .resource(serialization.convertValue(object, GenericKubernetesResource.class)));
            }
        }
    }

    void delete(List<FluxState.FluxObject> objects) {
        for (FluxState.FluxObject object : objects) {
            if ("Secret".equals(object.kind())) {
                client.secrets().inNamespace(FluxState.NAMESPACE).withName(object.name()).delete();
            } else {
                client.genericKubernetesResources(context(object.kind())).inNamespace(FluxState.NAMESPACE)
                        .withName(object.name()).delete();
            }
        }
    }

    private <T extends HasMetadata> void applied(Resource<T> resource) {
        try {
            resource.fieldManager(fieldManager).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            // Without server-side apply (the test server), new objects are 404 and existing ones 415: create or replace.
            if (e.getCode() == 404) {
                resource.create();
            } else if (e.getCode() == 415) {
                resource.update();
            } else {
                throw e;
            }
        }
    }

    /** A kind the cluster does not serve (an older Flux without OCIRepository) holds none of the agent's objects. */
    private static <T> List<T> listed(Supplier<List<T>> list) {
        try {
            return list.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static FluxState.FluxObject object(String kind, HasMetadata object, Object status) {
        var metadata = object.getMetadata();
        Map<String, String> labels = metadata.getLabels() == null ? Map.of() : metadata.getLabels();
        Map<String, String> annotations = metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
        Map<String, Object> ready = status instanceof Map<?, ?> s && s.get("conditions") instanceof List<?> conditions
                ? conditions.stream().filter(c -> c instanceof Map<?, ?> m && "Ready".equals(m.get("type")))
                        .map(c -> (Map<String, Object>) c).findFirst().orElse(Map.of())
                : Map.of();
        Object revision = status instanceof Map<?, ?> s ? s.get("lastAppliedRevision") : null;
        return new FluxState.FluxObject(kind, metadata.getName(), labels.get(FluxState.CONFIGURATION_LABEL),
                annotations.get(FluxState.VERSION_ANNOTATION), text(ready.get("status")), text(ready.get("reason")),
                text(ready.get("message")), text(revision));
    }

    private static ResourceDefinitionContext context(String kind) {
        ResourceDefinitionContext context = KINDS.get(kind);
        if (context == null) {
            throw new IllegalArgumentException("not a Flux kind the agent writes: " + kind);
        }
        return context;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static ResourceDefinitionContext kind(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
