package io.edgefleet.agent.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.agent.Agent;
import io.edgefleet.agent.AgentConfig;
import io.edgefleet.agent.MachineSettings;
import io.edgefleet.agent.cli.LocalCluster;
import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.cluster.KubernetesClusterAccess;
import io.edgefleet.agent.cluster.MachineNodes;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.agent.identity.MemoryStateStore;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.agent.simulator.SimulatedUpgradeHook;
import io.edgefleet.agent.telemetry.MemoryTelemetryBuffer;
import io.edgefleet.agent.telemetry.TelemetryBuffer;
import io.edgefleet.agent.testing.JournalLines;
import io.edgefleet.agent.testing.TestClusters;
import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.ServiceProcess;
import io.edgefleet.testsupport.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real provisioning-service process over real Kafka and PostgreSQL. */
class AgentIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ServiceProcess provisioning;

    @BeforeAll
    static void startProvisioning() {
        if (provisioning != null) {
            return;
        }
        provisioning = new ServiceProcess(Path.of(System.getProperty("edgefleet.provisioning.jar")),
                new EdgeFleetInfra().start()).with("edgefleet.public-url.gateway", url -> url).start();
        String url = provisioning.baseUrl();
        RestAssured.baseURI = url.substring(0, url.lastIndexOf(':'));
        RestAssured.port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stopProvisioning() throws InterruptedException {
        provisioning.close();
        provisioning = null;
    }

    static ServiceProcess provisioning() {
        return provisioning;
    }

    @Test
    void enrollsAndExecutesACommand() {
        Agent agent = agent(new MemoryStateStore(), cluster());
        agent.start();
        awaitConnected(agent);

        String id = command(agent.deviceId(), "apply-manifests", Map.of("manifests", "kind: ConfigMap\nmetadata:\n  name: a\n"));
        awaitStatus(id, "succeeded");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + id).then()
                .body("result.applied[0]", org.hamcrest.Matchers.equalTo("ConfigMap/default/a"));
        assertEquals(1, agent.executions());
        agent.stop();
    }

    @Test
    void commandsQueuedWhileOfflineRunInOrderAfterReconnect() {
        StateStore state = new MemoryStateStore();
        SimulatedMachine cluster = cluster();
        Agent first = agent(state, cluster);
        first.start();
        awaitConnected(first);
        first.stop();
        Awaitility.await().atMost(WAIT).until(() -> !first.isConnected());

        List<String> ids = List.of(apply(first.deviceId(), "one"), apply(first.deviceId(), "two"));
        Agent restarted = agent(state, cluster);
        restarted.start();
        ids.forEach(id -> awaitStatus(id, "succeeded"));
        assertEquals(2, restarted.executions());
        restarted.stop();
    }

    @Test
    void aCommandRedeliveredAfterADroppedSessionIsNotExecutedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Agent agent = agent(new MemoryStateStore(), new BlockingCluster(cluster(), release));
        agent.start();
        awaitConnected(agent);
        String id = apply(agent.deviceId(), "slow");
        awaitStatus(id, "running");

        agent.restart();
        Awaitility.await("session dropped and reopened").atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(agent::isConnected);
        release.countDown();

        awaitStatus(id, "succeeded");
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/commands/" + id).then()
                .body("deliveryAttempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        assertEquals(1, agent.executions());
        agent.stop();
    }

    @Test
    void journalsEveryStepFromEnrollmentToACommandsOutcome() {
        try (JournalLines journal = new JournalLines()) {
            Agent agent = agent(new MemoryStateStore(), cluster());
            agent.start();
            awaitConnected(agent);
            awaitStatus(apply(agent.deviceId(), "journalled"), "succeeded");
            Awaitility.await("outcome journalled").atMost(WAIT).until(() -> journal.has("command-finished"));
            agent.stop();
            for (String event : List.of("starting", "cluster-reachable", "enrolling", "enrolled", "approved", "session-open",
                    "command-received", "command-finished", "session-closed")) {
                assertTrue(journal.has(event), event + " missing from " + journal.all());
            }
            assertTrue(journal.of("command-finished").get(0).contains("outcome=succeeded"), journal.all().toString());
            assertTrue(journal.of("session-open").get(0).contains("protocol=" + AgentProtocol.CURRENT));
        }
    }

    @Test
    void anAgentSpeakingThePreviousProtocolVersionStillWorks() {
        Agent agent = agent(new MemoryStateStore(), cluster(), null, new MemoryTelemetryBuffer(10), AgentProtocol.PREVIOUS);
        agent.start();
        awaitConnected(agent);
        awaitStatus(apply(agent.deviceId(), "older-agent"), "succeeded");
        agent.stop();
    }

    @Test
    void failsOverToTheNextGatewayWhenTheFirstIsUnreachable() throws Exception {
        try (JournalLines journal = new JournalLines()) {
            URI unreachable = URI.create("http://127.0.0.1:" + TestClusters.closedPort());
            Agent agent = agent(List.of(unreachable, URI.create(provisioning.baseUrl())), new MemoryStateStore(), cluster(),
                    null, new MemoryTelemetryBuffer(10), AgentProtocol.CURRENT);
            agent.start();
            awaitConnected(agent);
            assertTrue(journal.of("gateway-failover").get(0).contains("to=" + provisioning.baseUrl()), journal.all().toString());
            agent.stop();
        }
    }

    @Test
    void waitsForAnUnreachableClusterSayingSoAndEnrollsOnceItAnswers(@TempDir Path dir) throws Exception {
        int port = TestClusters.closedPort();
        String url = "http://127.0.0.1:" + port;
        StateStore state = new MemoryStateStore();
        try (JournalLines journal = new JournalLines();
             KubernetesClient client = LocalCluster.client(TestClusters.kubeconfig(dir, url))) {
            Agent agent = agent(state, new KubernetesClusterAccess(client, "edge-site", MachineNodes.ofHost("edge-site")));
            agent.start();
            Awaitility.await("unreachable cluster reported").atMost(WAIT)
                    .until(() -> state.status().orElse("").contains("\"phase\":\"cluster-unreachable\""));
            assertTrue(journal.of("cluster-unreachable").get(0).contains(String.valueOf(port)), journal.all().toString());
            assertTrue(journal.has("enrollment-waits-for-cluster") && !journal.has("enrolling"), journal.all().toString());

            KubernetesMockServer cluster = TestClusters.start(port);
            try {
                awaitConnected(agent);
                assertTrue(journal.has("cluster-reachable") && journal.has("approved"), journal.all().toString());
            } finally {
                agent.stop();
                cluster.destroy();
            }
        }
    }

    @Test
    void rotatesItsCredentialsAndKeepsWorkingWithTheNewKey() {
        StateStore state = new MemoryStateStore();
        Agent agent = agent(state, cluster());
        agent.start();
        awaitConnected(agent);
        String oldKey = state.keys().orElseThrow().publicKeyBase64();

        awaitStatus(command(agent.deviceId(), "rotate-credentials", Map.of()), "succeeded");
        org.junit.jupiter.api.Assertions.assertNotEquals(oldKey, state.keys().orElseThrow().publicKeyBase64());
        agent.stop();

        Agent restarted = agent(state, cluster());
        restarted.start();
        awaitConnected(restarted);
        awaitStatus(apply(restarted.deviceId(), "after-rotation"), "succeeded");
        restarted.stop();
    }

    static Agent agent(StateStore state, ClusterAccess cluster) {
        return agent(state, cluster, null, new MemoryTelemetryBuffer(10));
    }

    static Agent agent(StateStore state, ClusterAccess cluster, URI telemetryUrl, TelemetryBuffer buffer) {
        return agent(state, cluster, telemetryUrl, buffer, AgentProtocol.CURRENT);
    }

    static Agent agent(StateStore state, ClusterAccess cluster, URI telemetryUrl, TelemetryBuffer buffer, String protocol) {
        return agent(List.of(URI.create(provisioning.baseUrl())), state, cluster, telemetryUrl, buffer, protocol);
    }

    static Agent agent(List<URI> gateways, StateStore state, ClusterAccess cluster, URI telemetryUrl, TelemetryBuffer buffer,
                       String protocol) {
        return agent(config(gateways, enrollmentToken(Map.of()), Duration.ofSeconds(30), telemetryUrl, protocol,
                new MachineSettings(Map.of("site", "berlin"), "Europe/Berlin", null), null), state, cluster, buffer);
    }

    /** An agent of a test machine: its host facts, reporting telemetry every 300 ms when {@code telemetryUrl} is given. */
    static AgentConfig config(List<URI> gateways, String enrollmentToken, Duration heartbeat, URI telemetryUrl, String protocol,
                              MachineSettings machine, URI gitopsUrl) {
        return new AgentConfig(gateways, enrollmentToken, heartbeat, "0.1.0-test", new DeviceFacts("edge-it-" + System.nanoTime(),
                "Windows 11 IoT Enterprise", "10.0", new DeviceFacts.Hardware(8, 16384L, 256L), null, null, "0.1.0-test"),
                Duration.ofSeconds(5), telemetryUrl, Duration.ofMillis(300), protocol, machine, List.of(), null, gitopsUrl);
    }

    static Agent agent(AgentConfig config, StateStore state, ClusterAccess cluster, TelemetryBuffer buffer) {
        SimulatedMachine sim = cluster instanceof SimulatedMachine s ? s : cluster();
        return new Agent(config, state, cluster, new SimulatedUpgradeHook(sim, Duration.ZERO, false, version -> { }), buffer,
                HttpClient.newHttpClient(), new ObjectMapper().findAndRegisterModules(), Executors.newScheduledThreadPool(1),
                Executors.newFixedThreadPool(2), new Random());
    }

    /** A token for up to 100 machines, approved on enrollment, giving them {@code targetLabels}. */
    static String enrollmentToken(Map<String, String> targetLabels) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "it", "expiresAt", OffsetDateTime.now().plusHours(1).toString(), "maxUses", 100,
                        "requiresApproval", false, "targetLabels", targetLabels))
                .when().post("/api/v1/enrollment-tokens").then().statusCode(201).extract().path("secret");
    }

    static String command(String deviceId, String type, Map<String, Object> payload) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("type", type, "payload", payload))
                .when().post("/api/v1/devices/" + deviceId + "/commands").then().statusCode(201).extract().path("id");
    }

    static void awaitStatus(String id, String status) {
        Awaitility.await(id + " " + status).atMost(WAIT).until(() -> status.equals(given().auth().oauth2(TestTokens.viewer())
                .when().get("/api/v1/commands/" + id).then().extract().path("status")));
    }

    private static String apply(String deviceId, String name) {
        return command(deviceId, "apply-manifests", Map.of("manifests", "kind: ConfigMap\nmetadata:\n  name: " + name + "\n"));
    }

    static void awaitConnected(Agent agent) {
        Awaitility.await("agent connected").atMost(WAIT).until(() -> agent.isConnected() && agent.deviceId() != null);
    }

    static SimulatedMachine cluster() {
        return new SimulatedMachine(new SimulatedCluster("it-cluster", SimulatedCluster.Shape.K3S_SINGLE_MACHINE), "it-machine",
                true, new Random());
    }
}
