package io.edgefleet.agent.testing;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/** Kubernetes API servers for agent tests (fabric8's, in CRUD mode) and kubeconfigs that reach them. */
public final class TestClusters {

    private TestClusters() {
    }

    /** A CRUD API server on {@code port} (0: any), seeded with one k3s node. */
    public static KubernetesMockServer start(int port) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), port);
        server.createClient().nodes().resource(new NodeBuilder().withNewMetadata().withName("edge-ledge")
                .addToLabels("node-role.kubernetes.io/control-plane", "true").endMetadata()
                .withNewStatus().withNewNodeInfo().withKubeletVersion("v1.30.4+k3s1").withOperatingSystem("linux")
                .withOsImage("CBL-Mariner/Linux 2.0").endNodeInfo().endStatus().build()).create();
        return server;
    }

    public static Path kubeconfig(Path dir, String url) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig-" + Math.abs(url.hashCode())), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: local
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: local
                  context: {cluster: local, user: agent}
                current-context: local
                users:
                - name: agent
                  user: {token: agent-token}
                """.formatted(url));
    }

    /** A port nothing listens on (now). */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
