package io.edgefleet.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.agent.testing.TestClusters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code install} into a temporary root, against the Kubernetes test server, and {@code uninstall}. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class InstallTest {

    @KubernetesTestServer
    KubernetesServer server;

    @TempDir
    Path dir;

    @Test
    void installsStateConfigurationAndSystemdUnitForALinuxHost() throws Exception {
        Path root = dir.resolve("root");
        Result result = edgeAgent("install", "--bundle", bundle().toString(), "--kubeconfig", kubeconfig(root, server.getClient()
                .getConfiguration().getMasterUrl()), "--root", root.toString(), "--host-os", "linux",
                "--label", "site=berlin", "--time-zone", "Europe/Berlin", "--static-ip", "192.168.7.10");

        assertEquals(0, result.exit(), result.out());
        assertTrue(result.out().contains("cluster reachable"), result.out());
        assertTrue(result.out().contains("the agent logs to: journalctl -u edgefleet-agent"), result.out());
        Path state = root.resolve("var/lib/edgefleet-agent");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("bundle.json"))));
        assertEquals(Files.readString(bundle()), Files.readString(state.resolve("bundle.json")));

        AgentSettings settings = AgentSettings.read(root.resolve("etc/edgefleet/agent.yaml"));
        assertEquals("/var/lib/edgefleet-agent/bundle.json", settings.bundle());
        assertEquals("/var/lib/edgefleet-agent", settings.stateDir());
        assertEquals("berlin", settings.labels().get("site"));
        assertEquals("Europe/Berlin", settings.timeZone());
        assertEquals("192.168.7.10", settings.network().staticIp());
        assertEquals("/etc/rancher/k3s/k3s.yaml", settings.kubeconfig());

        String unit = Files.readString(root.resolve("etc/systemd/system/edgefleet-agent.service"));
        assertTrue(unit.contains("ExecStart=") && unit.contains(" run --config /etc/edgefleet/agent.yaml\n"), unit);
        assertTrue(unit.contains("Restart=always") && unit.contains("WantedBy=multi-user.target"), unit);
        assertTrue(result.out().contains("service written, not registered"), result.out());

        Result removed = edgeAgent("uninstall", "--root", root.toString(), "--host-os", "linux");
        assertEquals(0, removed.exit(), removed.out());
        assertFalse(Files.exists(root.resolve("etc/systemd/system/edgefleet-agent.service")));
        assertFalse(Files.exists(root.resolve("etc/edgefleet/agent.yaml")));
        assertTrue(Files.exists(state.resolve("bundle.json")), "the identity stays without --purge");
        assertEquals(0, edgeAgent("uninstall", "--root", root.toString(), "--host-os", "linux", "--purge").exit());
        assertFalse(Files.exists(state));
    }

    @Test
    void installsAWindowsServiceDefinitionForTheProductsHost() throws Exception {
        Path root = dir.resolve("c");
        Result result = edgeAgent("install", "--bundle", bundle().toString(), "--kubeconfig",
                kubeconfig(root, server.getClient().getConfiguration().getMasterUrl()), "--root", root.toString(),
                "--host-os", "windows");

        assertEquals(0, result.exit(), result.out());
        String service = Files.readString(root.resolve("ProgramData/EdgeFleet/edgefleet-agent.xml"));
        assertTrue(service.contains("<id>edgefleet-agent</id>"), service);
        assertTrue(service.contains("run --config C:\\ProgramData\\EdgeFleet\\agent.yaml</arguments>"), service);
        assertTrue(service.contains("<onfailure action=\"restart\""), service);
        assertEquals("C:\\ProgramData\\EdgeFleet\\state\\bundle.json",
                AgentSettings.read(root.resolve("ProgramData/EdgeFleet/agent.yaml")).bundle());
        assertTrue(Files.exists(root.resolve("ProgramData/EdgeFleet/state/bundle.json")));
    }

    @Test
    void anUnreachableClusterIsSaidPlainlyAndNothingIsInstalled() throws Exception {
        Path root = dir.resolve("unreachable");
        Result result = edgeAgent("install", "--bundle", bundle().toString(), "--kubeconfig",
                kubeconfig(root, "http://127.0.0.1:" + TestClusters.closedPort()), "--root", root.toString(), "--host-os", "linux");

        assertEquals(InstallCommand.CLUSTER_UNREACHABLE, result.exit(), result.out());
        assertTrue(result.out().contains("cluster NOT reachable") && result.out().contains("nothing was installed"), result.out());
        assertFalse(Files.exists(root.resolve("var/lib/edgefleet-agent")) || Files.exists(root.resolve("etc/edgefleet")));
    }

    @Test
    void aFileThatIsNoBundleIsRefusedWithTheReason() throws Exception {
        Path notABundle = Files.writeString(dir.resolve("kubeconfig-by-mistake.json"), "{\"apiVersion\":\"v1\"}");
        Result result = edgeAgent("install", "--bundle", notABundle.toString(), "--root", dir.resolve("r").toString());
        assertEquals(InstallCommand.BAD_BUNDLE, result.exit());
        assertTrue(result.err().contains("names no gateway URL"), result.err());
    }

    static Path bundle(Path dir) throws IOException {
        return Files.writeString(dir.resolve("bundle.json"), """
                {"format":"edgefleet.bundle.v2","gatewayUrls":["http://gateway.edge.test:8082"],
                 "telemetryUrl":"http://telemetry.edge.test:8085","enrollmentToken":"secret-1","tokenId":"t-1",
                 "expiresAt":"2030-01-01T00:00:00Z","trustAnchors":{"deviceTokenIssuer":"edgefleet-provisioning"}}
                """);
    }

    private Path bundle() throws IOException {
        return Files.exists(dir.resolve("bundle.json")) ? dir.resolve("bundle.json") : bundle(dir);
    }

    /** A kubeconfig where the product leaves it on the host (under the root being installed into). */
    private String kubeconfig(Path root, String url) throws IOException {
        Path file = root.resolve("etc/rancher/k3s/k3s.yaml");
        Files.createDirectories(file.getParent());
        Files.move(TestClusters.kubeconfig(dir, url), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return "/etc/rancher/k3s/k3s.yaml";
    }

    record Result(int exit, String out, String err) {
    }

    static Result edgeAgent(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EdgeAgentCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(List.of(args).toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
