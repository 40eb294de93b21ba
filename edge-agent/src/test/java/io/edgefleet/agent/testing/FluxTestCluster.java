package io.edgefleet.agent.testing;

import io.edgefleet.agent.cluster.FluxState;
import io.edgefleet.agent.cluster.KubernetesClusterAccess;
import io.edgefleet.agent.cluster.MachineNodes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;

/**
 * A machine's cluster for GitOps tests: fabric8's Kubernetes server in CRUD mode, with Flux's
 * CRDs or without, where the test plays Flux by writing the Kustomizations' status.
 */
public final class FluxTestCluster implements AutoCloseable {

    public static final ResourceDefinitionContext KUSTOMIZATIONS = context("kustomize.toolkit.fluxcd.io", "v1", "Kustomization",
            "kustomizations");
    public static final ResourceDefinitionContext GIT_REPOSITORIES = context("source.toolkit.fluxcd.io", "v1", "GitRepository",
            "gitrepositories");

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String name;

    private FluxTestCluster(String name, boolean fluxInstalled) {
        this.name = name;
        this.server = TestClusters.start(0);
        this.client = server.createClient();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FluxState.NAMESPACE).endMetadata().build())
                .create();
        if (fluxInstalled) {
            installFlux(client);
        }
    }

    /** A cluster named {@code name} (inventory keys clusters by name) with Flux installed, or not. */
    public static FluxTestCluster start(String name, boolean fluxInstalled) {
        return new FluxTestCluster(name, fluxInstalled);
    }

    /**
     * Flux's Kustomization CRD, which is how the agent tells that Flux is installed. Its status is
     * a subresource, as in Flux: the test server then keeps the status Flux wrote when the agent
     * re-applies the spec, as an API server does.
     */
    public static void installFlux(KubernetesClient client) {
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder().withNewMetadata()
                .withName("kustomizations.kustomize.toolkit.fluxcd.io").endMetadata().withNewSpec()
                .withGroup(KUSTOMIZATIONS.getGroup()).withScope("Namespaced").withNewNames().withKind("Kustomization")
                .withPlural("kustomizations").endNames().addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSubresources().withNewStatus().endStatus().endSubresources().endVersion().endSpec().build()).create();
    }

    /** The agent's access to this cluster, as a single-machine cluster of one host. */
    public KubernetesClusterAccess access() {
        return new KubernetesClusterAccess(client, name, MachineNodes.ofHost("edge-ledge"));
    }

    public GenericKubernetesResource kustomization(String name) {
        return client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE).withName(name).get();
    }

    public GenericKubernetesResource gitRepository(String name) {
        return client.genericKubernetesResources(GIT_REPOSITORIES).inNamespace(FluxState.NAMESPACE).withName(name).get();
    }

    public Secret secret(String name) {
        return client.secrets().inNamespace(FluxState.NAMESPACE).withName(name).get();
    }

    /** Every Flux object and Secret in flux-system, as {@code Kind/name}. */
    public List<String> fluxObjects() {
        return java.util.stream.Stream.of(
                client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE).list().getItems().stream()
                        .map(k -> "Kustomization/" + k.getMetadata().getName()),
                client.genericKubernetesResources(GIT_REPOSITORIES).inNamespace(FluxState.NAMESPACE).list().getItems().stream()
                        .map(g -> "GitRepository/" + g.getMetadata().getName()),
                client.secrets().inNamespace(FluxState.NAMESPACE).list().getItems().stream()
                        .map(s -> "Secret/" + s.getMetadata().getName()))
                .flatMap(s -> s).sorted().toList();
    }

    /** Flux's word on a Kustomization, written to its status as Flux does: its Ready condition and the revision it applied. */
    public void reconciled(String kustomization, boolean ready, String reason, String message, String revision) {
        reconciled(client, kustomization, ready, reason, message, revision);
    }

    /** {@link #reconciled(String, boolean, String, String, String)} on any cluster with {@link #installFlux}. */
    public static void reconciled(KubernetesClient client, String kustomization, boolean ready, String reason, String message,
                                  String revision) {
        client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE).withName(kustomization).editStatus(k -> {
            k.setAdditionalProperty("status", Map.of("lastAppliedRevision", revision, "conditions", List.of(Map.of("type", "Ready",
                    "status", ready ? "True" : "False", "reason", reason, "message", message))));
            return k;
        });
    }

    /** Someone edits a Kustomization's spec by hand. */
    public void drift(String kustomization, String field, Object value) {
        client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE).withName(kustomization).edit(k -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) k.getAdditionalProperties().get("spec");
            spec.put(field, value);
            return k;
        });
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind).withPlural(plural)
                .withNamespaced(true).build();
    }
}
