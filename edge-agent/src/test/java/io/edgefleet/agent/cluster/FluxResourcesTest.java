package io.edgefleet.agent.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.gitops.DesiredSet;
import io.edgefleet.agent.gitops.FluxObjects;
import io.edgefleet.agent.testing.FluxTestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's Flux objects through the Kubernetes API, against the Kubernetes test server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class FluxResourcesTest {

    private static final ResourceDefinitionContext KUSTOMIZATIONS = FluxTestCluster.KUSTOMIZATIONS;
    private static final ResourceDefinitionContext GIT_REPOSITORIES = FluxTestCluster.GIT_REPOSITORIES;

    @KubernetesTestServer
    KubernetesServer server;

    private KubernetesClient client;
    private KubernetesClusterAccess cluster;
    private final FluxObjects flux = new FluxObjects(new ObjectMapper());

    @BeforeEach
    void emptyCluster() {
        client = server.getClient();
        client.apiextensions().v1().customResourceDefinitions().withName(FluxResources.KUSTOMIZATION_CRD).delete();
        client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE).delete();
        client.genericKubernetesResources(GIT_REPOSITORIES).inNamespace(FluxState.NAMESPACE).delete();
        client.secrets().inNamespace(FluxState.NAMESPACE).delete();
        cluster = new KubernetesClusterAccess(client, "edge-site", MachineNodes.ofHost("edge-site"));
    }

    @Test
    void aClusterWithoutFluxCrdsHasNoFlux() {
        assertFalse(cluster.flux().installed());
    }

    @Test
    void appliesTheObjectsReadsFluxsStatePutsBackDriftAndDeletes() {
        installFlux();
        cluster.applyFlux(flux.of(configuration("3")));

        FluxState state = cluster.flux();
        assertTrue(state.installed());
        assertEquals(List.of("GitRepository/apps", "Kustomization/apps-site", "Secret/apps-auth"),
                state.objects().stream().map(o -> o.kind() + "/" + o.name()).sorted().toList());
        state.objects().forEach(o -> assertEquals("3", o.resourceVersion(), o.name()));
        assertEquals("fleet", client.secrets().inNamespace(FluxState.NAMESPACE).withName("apps-auth").get()
                .getStringData().get("username"));
        assertNull(kustomization(state).ready(), "Flux has not looked at it yet");

        // Flux reconciles and writes the Ready condition; someone edits the spec by hand.
        FluxTestCluster.reconciled(client, "apps-site", true, "ReconciliationSucceeded", "Applied revision: main@sha1:0a1b2c",
                "main@sha1:0a1b2c");
        client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE).withName("apps-site").edit(k -> {
            ((Map<String, Object>) k.getAdditionalProperties().get("spec")).put("path", "./elsewhere");
            return k;
        });
        FluxState.FluxObject reconciled = kustomization(cluster.flux());
        assertEquals("True", reconciled.ready());
        assertEquals("ReconciliationSucceeded", reconciled.reason());
        assertEquals("main@sha1:0a1b2c", reconciled.revision());

        cluster.applyFlux(flux.of(configuration("4")));
        GenericKubernetesResource restored = client.genericKubernetesResources(KUSTOMIZATIONS).inNamespace(FluxState.NAMESPACE)
                .withName("apps-site").get();
        assertEquals("./sites", ((Map<?, ?>) restored.getAdditionalProperties().get("spec")).get("path"), "drift is put back");
        assertEquals("4", kustomization(cluster.flux()).resourceVersion());
        assertEquals("True", kustomization(cluster.flux()).ready(), "re-applying the spec leaves what Flux found");

        cluster.deleteFlux(cluster.flux().objects());
        assertEquals(List.of(), cluster.flux().objects());
    }

    @Test
    void objectsWithoutTheAgentsLabelAreNotItsOwn() {
        installFlux();
        client.genericKubernetesResources(GIT_REPOSITORIES).inNamespace(FluxState.NAMESPACE).resource(
                new GenericKubernetesResource() {{
                    setApiVersion("source.toolkit.fluxcd.io/v1");
                    setKind("GitRepository");
                    setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("flux-system")
                            .withNamespace(FluxState.NAMESPACE).build());
                }}).create();
        assertEquals(List.of(), cluster.flux().objects(), "Flux's own bootstrap source is left alone");
    }

    private void installFlux() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FluxState.NAMESPACE).endMetadata().build())
                .createOr(existing -> existing.update());
        FluxTestCluster.installFlux(client);
    }

    private static FluxState.FluxObject kustomization(FluxState state) {
        return state.objects().stream().filter(o -> o.kind().equals("Kustomization")).findFirst().orElseThrow();
    }

    private static DesiredSet.Configuration configuration(String version) {
        return new DesiredSet.Configuration("0c7f6a52-8a35-4b1c-9e0f-3f1d1d1d1d1d", "apps", version, "cluster", null, false,
                new DesiredSet.Source("git", "https://git.example.com/fleet/apps.git", null, null, null,
                        new DesiredSet.Credentials("fleet", "s3cret", null, null, null)),
                List.of(new DesiredSet.Kustomization("site", "./sites", List.of(), null, null, null, null, null, null, Map.of())),
                List.of());
    }
}
