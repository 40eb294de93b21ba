package io.edgefleet.agent.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.commands.AgentControl;
import io.edgefleet.agent.testing.IdleAgentControl;
import io.edgefleet.agent.commands.AgentReleases;
import io.edgefleet.agent.commands.CommandExecutor;
import io.edgefleet.agent.commands.Outcome;
import io.edgefleet.agent.commands.UpgradeHook;
import io.edgefleet.events.agent.AgentMessage;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's Kubernetes side against the Kubernetes test server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesClusterAccessTest {

    private static final String MANIFESTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app-config
              namespace: default
            data:
              greeting: hello
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              namespace: default
            spec:
              replicas: 2
              selector:
                matchLabels: {app: app}
              template:
                metadata:
                  labels: {app: app}
                spec:
                  containers:
                  - name: app
                    image: registry.local/app:1.0
            """;

    @KubernetesTestServer
    KubernetesServer server;

    private KubernetesClient client;
    private KubernetesClusterAccess cluster;

    @BeforeEach
    void seedNodes() {
        client = server.getClient();
        client.nodes().list().getItems().forEach(n -> client.resource(n).delete());
        seedNode("edge-ledge", "v1.30.4+k3s1", "linux", "CBL-Mariner/Linux 2.0", true);
        cluster = new KubernetesClusterAccess(client, "edge-site", MachineNodes.ofHost("edge-site"));
    }

    @Test
    void inventoryReadsSeededNodesAndDetectsK3s() {
        ClusterInventory inventory = cluster.inventory();
        assertEquals("k3s", inventory.cluster().distribution());
        assertEquals("v1.30.4+k3s1", inventory.cluster().kubernetesVersion());
        ClusterInventory.Node node = inventory.nodes().get(0);
        assertEquals("edge-ledge", node.name());
        assertEquals("control-plane", node.role());
        assertEquals("linux", node.os());
        assertEquals("4", node.capacity().get("cpu"));
        assertEquals("True", node.conditions().get("Ready"));
    }

    @Test
    void k8sIsDetectedFromAPlainVersion() {
        seedNode("edge-wedge", "v1.30.4", "windows", "Windows Server 2022", false);
        client.nodes().withName("edge-ledge").delete();
        assertEquals("k8s", cluster.inventory().cluster().distribution());
        assertEquals("k3s", ClusterInventory.distributionOf("v1.29.1+k3s2"));
    }

    @Test
    void appliesThenReadsBackThenDeletes() {
        List<String> applied = cluster.apply(MANIFESTS, null);
        assertEquals(List.of("ConfigMap/default/app-config", "Deployment/default/app"), applied);
        assertEquals("hello", client.configMaps().inNamespace("default").withName("app-config").get().getData().get("greeting"));
        assertEquals(2, client.apps().deployments().inNamespace("default").withName("app").get().getSpec().getReplicas());

        List<String> deleted = cluster.delete(MANIFESTS, null);
        assertEquals(2, deleted.size());
        assertNull(client.configMaps().inNamespace("default").withName("app-config").get());
        assertNull(client.apps().deployments().inNamespace("default").withName("app").get());
    }

    @Test
    void upgradeVerificationFailsWhenNodeVersionsDoNotChange() {
        UpgradeHook doesNothing = new UpgradeHook() {
            @Override
            public void upgradeKubernetes(String targetVersion) {
            }

            @Override
            public void updateOsImage(String imageVersion) {
            }
        };
        Outcome outcome = executor(doesNothing).execute(upgrade("v1.30.5+k3s1"));
        assertFalse(outcome.succeeded());
        assertTrue(outcome.failureReason().contains("edge-ledge"), outcome.failureReason());
    }

    @Test
    void upgradeSucceedsWhenTheNodesReportTheTarget() {
        UpgradeHook upgradesNodes = new UpgradeHook() {
            @Override
            public void upgradeKubernetes(String targetVersion) {
                client.nodes().withName("edge-ledge").edit(n -> new NodeBuilder(n).editStatus().editNodeInfo()
                        .withKubeletVersion(targetVersion).endNodeInfo().endStatus().build());
            }

            @Override
            public void updateOsImage(String imageVersion) {
            }
        };
        Outcome outcome = executor(upgradesNodes).execute(upgrade("v1.30.5+k3s1"));
        assertTrue(outcome.succeeded(), outcome.failureReason());
        assertEquals("v1.30.5+k3s1", outcome.result().path("kubernetesVersion").asText());
        assertFalse(executor(upgradesNodes).execute(upgrade("v1.31.0")).succeeded(), "k3s never becomes k8s");
    }

    @Test
    void diagnosticsNameUnhealthyNodes() {
        seedNode("edge-sick", "v1.30.4+k3s1", "linux", "CBL-Mariner/Linux 2.0", false);
        Diagnostics diagnostics = cluster.diagnostics(Duration.ofHours(1));
        assertNotNull(diagnostics.nodeConditions().get("edge-sick"));
        assertEquals("False", diagnostics.nodeConditions().get("edge-sick").get("Ready"));
    }

    private CommandExecutor executor(UpgradeHook hook) {
        AgentControl control = new IdleAgentControl();
        return new CommandExecutor(cluster, hook, control, new ObjectMapper(), Duration.ofMillis(300),
                new AgentReleases(List.of(), HttpClient.newHttpClient(), Path.of("target", "releases")));
    }

    private static AgentMessage.CommandView upgrade(String target) {
        return new AgentMessage.CommandView("c-" + target, 1, "upgrade-kubernetes",
                new ObjectMapper().valueToTree(Map.of("targetVersion", target)), null);
    }

    @Test
    void aMachineOfAMultiMachineClusterReportsOnlyItsOwnNodes() {
        seedNode("site-a-ledge", "v1.30.4+k3s1", "linux", "CBL-Mariner/Linux 2.0", true);
        seedNode("site-a-wedge", "v1.30.4+k3s1", "windows", "Windows Server 2022", true);
        seedNode("site-b-ledge", "v1.30.4+k3s1", "linux", "CBL-Mariner/Linux 2.0", true);
        List<String> own = new KubernetesClusterAccess(client, "edge-site", MachineNodes.ofHost("SITE-A")).inventory().nodes()
                .stream().map(ClusterInventory.Node::name).toList();
        assertEquals(List.of("site-a-ledge", "site-a-wedge"), own.stream().sorted().toList());
        assertEquals(List.of("site-b-ledge"), new KubernetesClusterAccess(client, "edge-site",
                MachineNodes.named(List.of("site-b-ledge"))).inventory().nodes().stream().map(ClusterInventory.Node::name).toList());
    }

    @Test
    void theClustersSetupIsReadFromWhatRunsInIt() {
        client.apps().daemonSets().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
                .withNewMetadata().withName("calico-node").withNamespace("kube-system").endMetadata().build()).create();
        client.apps().deployments().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata().withName("kube-vip-cloud-provider").withNamespace("kube-system").endMetadata().build()).create();
        client.storage().v1().storageClasses().resource(new io.fabric8.kubernetes.api.model.storage.StorageClassBuilder()
                .withNewMetadata().withName("local-path").endMetadata().withProvisioner("rancher.io/local-path").build()).create();
        try {
            ClusterInventory.Cluster setup = cluster.inventory().cluster();
            assertEquals("calico", setup.cni());
            assertEquals("kubevip", setup.loadBalancer());
            assertEquals(List.of("local-pv"), setup.storageDrivers());
        } finally {
            client.apps().daemonSets().inNamespace("kube-system").withName("calico-node").delete();
            client.apps().deployments().inNamespace("kube-system").withName("kube-vip-cloud-provider").delete();
            client.storage().v1().storageClasses().withName("local-path").delete();
        }
    }

    @Test
    void anUnreachableApiIsNamedInTheError() throws Exception {
        int port = io.edgefleet.agent.testing.TestClusters.closedPort();
        try (KubernetesClient offline = io.edgefleet.agent.cli.LocalCluster.client(io.edgefleet.agent.testing.TestClusters
                .kubeconfig(java.nio.file.Files.createTempDirectory("kc"), "http://127.0.0.1:" + port))) {
            ClusterUnreachableException e = org.junit.jupiter.api.Assertions.assertThrows(ClusterUnreachableException.class,
                    () -> new KubernetesClusterAccess(offline, "x", MachineNodes.ofHost("x")).inventory());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }

    private void seedNode(String name, String version, String os, String image, boolean ready) {
        client.resource(new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("node-role.kubernetes.io/control-plane", "true").endMetadata()
                .withNewStatus().withNewNodeInfo().withKubeletVersion(version).withOperatingSystem(os).withOsImage(image)
                .withContainerRuntimeVersion("containerd://1.7.20").endNodeInfo()
                .addToCapacity("cpu", new io.fabric8.kubernetes.api.model.Quantity("4"))
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build()).create();
    }
}
