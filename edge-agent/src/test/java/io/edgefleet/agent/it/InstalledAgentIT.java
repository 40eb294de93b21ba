package io.edgefleet.agent.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.testing.TestClusters;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.ServiceProcess;
import io.edgefleet.testsupport.TestTokens;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent as an operator uses it: {@code install} from a bundle the gateway made,
 * into a temporary root, then the service's own command line started as the service manager
 * would (with {@code --root} only), enrolling and connecting against a Kubernetes API server.
 */
class InstalledAgentIT {

    private static final Path AGENT_JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void installedFromABundleTheServiceEnrollsConnectsAndRunsACommand(@TempDir Path dir) throws Exception {
        try (ServiceProcess provisioning = new ServiceProcess(Path.of(System.getProperty("edgefleet.provisioning.jar")),
                new EdgeFleetInfra().start()).with("edgefleet.public-url.gateway", url -> url).start()) {
            String url = provisioning.baseUrl();
            RestAssured.baseURI = url.substring(0, url.lastIndexOf(':'));
            RestAssured.port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
            KubernetesMockServer cluster = TestClusters.start(0);
            Path root = dir.resolve("root");
            Path bundle = Files.writeString(dir.resolve("bundle.json"), given().auth().oauth2(TestTokens.operator())
                    .contentType(ContentType.JSON).body(Map.of("name", "installed", "expiresAt",
                            OffsetDateTime.now().plusHours(1).toString(), "maxUses", 1, "requiresApproval", false))
                    .when().post("/api/v1/enrollment-bundles").then().statusCode(201).extract().asString());
            // Where k3s leaves its kubeconfig on the host: install finds it there without being told.
            Path kubeconfig = root.resolve("etc/rancher/k3s/k3s.yaml");
            Files.createDirectories(kubeconfig.getParent());
            Files.move(TestClusters.kubeconfig(dir, cluster.url("/")), kubeconfig);

            Process install = edgeAgent(dir.resolve("install.log"), "install", "--bundle", bundle.toString(), "--root", root.toString(), "--host-os", "linux", "--label", "site=berlin");
            assertTrue(install.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, install.exitValue(), Files.readString(dir.resolve("install.log")));

            List<String> service = new ArrayList<>(execStart(root.resolve("etc/systemd/system/edgefleet-agent.service")));
            service.addAll(List.of("--root", root.toString()));
            Path log = dir.resolve("agent.log");
            Process agent = new ProcessBuilder(service).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Path status = root.resolve("var/lib/edgefleet-agent/status.json");
                try {
                    Awaitility.await("installed agent connected").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                            .until(() -> Files.exists(status) && "connected".equals(read(status).path("phase").asText()));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("not connected; the agent's log:\n" + Files.readString(log), e);
                }
                String deviceId = read(status).path("deviceId").asText();
                String command = AgentIT.command(deviceId, "apply-manifests",
                        Map.of("manifests", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: installed\n  namespace: default\n"));
                AgentIT.awaitStatus(command, "succeeded");
                Awaitility.await("outcome logged").atMost(WAIT).until(() -> Files.readString(log).contains("event=command-finished"));
                String lines = Files.readString(log);
                for (String event : List.of("starting", "cluster-reachable", "enrolling", "approved", "session-open",
                        "command-received", "command-finished")) {
                    assertTrue(lines.contains("event=" + event + " "), event + " missing from " + log);
                }
                assertTrue(lines.contains("telemetry=off"), "the dev bundle names no telemetry-service: " + log);

                Process shown = edgeAgent(dir.resolve("status.log"), "status", "--root", root.toString());
                assertTrue(shown.waitFor(2, TimeUnit.MINUTES));
                String printed = Files.readString(dir.resolve("status.log"));
                assertTrue(printed.contains(deviceId) && printed.contains("connected"), printed);
            } finally {
                agent.destroy();
                agent.waitFor(30, TimeUnit.SECONDS);
                cluster.destroy();
            }
        }
    }

    private static Process edgeAgent(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AGENT_JAR.toAbsolutePath().toString()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The unit's ExecStart, split as systemd splits it (our paths carry no spaces). */
    private static List<String> execStart(Path unit) throws Exception {
        String line = Files.readAllLines(unit).stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        return List.of(line.substring("ExecStart=".length()).trim().split(" +"));
    }

    private static JsonNode read(Path status) throws Exception {
        return JSON.readTree(status.toFile());
    }

}
