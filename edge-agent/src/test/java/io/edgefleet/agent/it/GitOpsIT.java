package io.edgefleet.agent.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.edgefleet.agent.Agent;
import io.edgefleet.agent.MachineSettings;
import io.edgefleet.agent.identity.MemoryStateStore;
import io.edgefleet.agent.identity.StateStore;
import io.edgefleet.agent.telemetry.MemoryTelemetryBuffer;
import io.edgefleet.agent.testing.FluxTestCluster;
import io.edgefleet.agent.testing.JournalLines;
import io.edgefleet.events.Topics;
import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.ServiceProcess;
import io.edgefleet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GitOps on machines' agents: provisioning-, inventory- and gitops-service processes over real
 * Kafka and PostgreSQL; each machine's cluster is the Kubernetes test server in CRUD mode, where
 * the test plays Flux by writing the Kustomizations' status.
 */
class GitOpsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PASSWORD = "it-flux-pa55-91c2";
    private static ServiceProcess inventory;
    private static ServiceProcess gitops;

    @BeforeAll
    static void startServices() {
        AgentIT.startProvisioning();
        inventory = service("edgefleet.inventory.jar", "inventory_gitops_it");
        gitops = service("edgefleet.gitops.jar", "gitops_gitops_it");
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        gitops.close();
        inventory.close();
        AgentIT.stopProvisioning();
    }

    @Test
    void aConfigurationForAGroupConvergesOnEveryClusterWithItsSitesValuesAndLeavesWithIt() throws Exception {
        String fleet = "gitops-" + System.nanoTime();
        String group = given().baseUri(inventory.baseUrl()).auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", fleet, "kind", "dynamic", "labelSelector", "fleet=" + fleet))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        String token = AgentIT.enrollmentToken(Map.of("fleet", fleet));
        try (JournalLines journal = new JournalLines();
             FluxTestCluster berlin = FluxTestCluster.start(fleet + "-berlin", true);
             FluxTestCluster paris = FluxTestCluster.start(fleet + "-paris", true);
             FluxTestCluster bare = FluxTestCluster.start(fleet + "-bare", false)) {
            List<Agent> agents = List.of(agent(token, "berlin", berlin), agent(token, "paris", paris), agent(token, "rome", bare));
            agents.forEach(Agent::start);
            agents.forEach(AgentIT::awaitConnected);

            String id = operator().body(configuration("site-apps", "{\"group\":\"" + group + "\"}", false)).when().post("/api/v1/configurations")
                    .then().statusCode(201).body(not(containsString(PASSWORD))).extract().path("id");
            String kustomization = "site-apps-apps";
            await("the Flux objects on both clusters", () -> berlin.kustomization(kustomization) != null
                    && paris.kustomization(kustomization) != null);
            assertEquals("berlin", substitute(berlin, kustomization), "each site its own value");
            assertEquals("paris", substitute(paris, kustomization));
            assertEquals("https://git.example.com/fleet/apps.git", spec(berlin.gitRepository("site-apps").getAdditionalProperties()).get("url"));
            assertEquals(PASSWORD, berlin.secret("site-apps-auth").getStringData().get("password"), "the device gets its credentials");

            berlin.reconciled(kustomization, true, "ReconciliationSucceeded", "Applied revision: main@sha1:4b1d", "main@sha1:4b1d");
            paris.reconciled(kustomization, false, "BuildFailed", "kustomization path not found: ./apps/paris", "");
            awaitStates(id, Map.of("compliant", 1, "non-compliant", 2));
            operator().queryParam("state", "non-compliant").when().get("/api/v1/configurations/" + id + "/compliance").then()
                    .body("items.message", hasItems(containsString("kustomization path not found"),
                            containsString("flux-not-installed")));
            operator().queryParam("group", group).when().get("/api/v1/configuration-compliance/summary").then().statusCode(200)
                    .body("clusters.compliant", equalTo(1)).body("clusters.non-compliant", equalTo(2));

            berlin.drift(kustomization, "path", "./elsewhere");
            await("drift put back", () -> "./apps".equals(spec(berlin.kustomization(kustomization).getAdditionalProperties())
                    .get("path")));

            update(id, configuration("site-apps", "{\"group\":\"" + group + "\"}", true));
            await("suspended on the cluster", () -> Boolean.TRUE.equals(spec(berlin.kustomization(kustomization)
                    .getAdditionalProperties()).get("suspend")));
            awaitStates(id, Map.of("suspended", 3));
            update(id, configuration("site-apps", "{\"group\":\"" + group + "\"}", false));
            awaitStates(id, Map.of("compliant", 1, "non-compliant", 2));

            operator().when().delete("/api/v1/configurations/" + id).then().statusCode(204);
            await("the clusters cleaned up", () -> berlin.fluxObjects().isEmpty() && paris.fluxObjects().isEmpty());
            agents.forEach(Agent::stop);

            assertNoPassword(journal.all().toString(), "the agents' journal");
            assertNoPassword(KafkaTestClient.readToEnd(Topics.GITOPS_STATUS, Duration.ofSeconds(10)).toString(), "fleet.gitops.status");
            assertNoPassword(KafkaTestClient.readToEnd(Topics.COMMAND_REQUESTS, Duration.ofSeconds(10)).toString(), "commands");
            assertNoPassword(Files.readString(gitops.log()), "gitops-service's log");
        }
    }

    @Test
    void aMachineOfflineWhileAssignedConvergesWhenItReconnects() throws Exception {
        String fleet = "gitops-" + System.nanoTime();
        String token = AgentIT.enrollmentToken(Map.of("fleet", fleet));
        try (FluxTestCluster cluster = FluxTestCluster.start(fleet + "-oslo", true)) {
            StateStore state = new MemoryStateStore();
            Agent first = agent(token, "oslo", cluster, state);
            first.start();
            AgentIT.awaitConnected(first);
            first.stop();
            Awaitility.await().atMost(WAIT).until(() -> !first.isConnected());

            String id = operator().body(configuration("oslo-apps", "{\"labelSelector\":\"fleet=" + fleet + "\"}", false))
                    .when().post("/api/v1/configurations").then().statusCode(201).extract().path("id");
            awaitStates(id, Map.of("pending", 1));
            assertEquals(List.of(), cluster.fluxObjects(), "nothing reaches a machine that is away");

            Agent back = agent(token, "oslo", cluster, state);
            back.start();
            await("applied after the reconnect", () -> cluster.kustomization("oslo-apps-apps") != null);
            cluster.reconciled("oslo-apps-apps", true, "ReconciliationSucceeded", "Applied revision: main@sha1:77aa", "main@sha1:77aa");
            awaitStates(id, Map.of("compliant", 1));
            back.stop();
        }
    }

    private static ServiceProcess service(String jarProperty, String database) {
        Map<String, String> config = new HashMap<>(new EdgeFleetInfra().start());
        config.put("quarkus.datasource.jdbc.url", EdgeFleetInfra.jdbcUrl(database));
        config.put("edgefleet.device-tokens.jwks", AgentIT.provisioning().baseUrl() + "/api/v1/device-tokens/jwks");
        return new ServiceProcess(Path.of(System.getProperty(jarProperty)), config).start();
    }

    private static Agent agent(String token, String site, FluxTestCluster cluster) {
        return agent(token, site, cluster, new MemoryStateStore());
    }

    private static Agent agent(String token, String site, FluxTestCluster cluster, StateStore state) {
        return AgentIT.agent(AgentIT.config(List.of(URI.create(AgentIT.provisioning().baseUrl())), token, Duration.ofSeconds(3), null,
                AgentProtocol.CURRENT, new MachineSettings(Map.of("site", site), "Europe/Berlin", null),
                URI.create(gitops.baseUrl())), state, cluster.access(), new MemoryTelemetryBuffer(10));
    }

    private static void update(String id, String body) {
        String version = operator().when().get("/api/v1/configurations/" + id).then().statusCode(200).extract().header("ETag");
        operator().header("If-Match", version).body(body).when().put("/api/v1/configurations/" + id).then().statusCode(200);
    }

    /** Waits until the configuration's clusters are in exactly these states, so many of each; says what it saw last if not. */
    private static void awaitStates(String id, Map<String, Integer> states) {
        String[] last = {""};
        try {
            await("compliance " + states, () -> {
                String page = operator().queryParam("limit", 100).when().get("/api/v1/configurations/" + id + "/compliance")
                        .then().statusCode(200).extract().asString();
                last[0] = page;
                Map<String, Integer> counted = new HashMap<>();
                JsonPath.from(page).<String>getList("items.state").forEach(s -> counted.merge(s, 1, Integer::sum));
                return counted.equals(states);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("compliance never " + states + "; last " + last[0], e);
        }
    }

    private static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(condition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        assertNotNull(object);
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Object substitute(FluxTestCluster cluster, String kustomization) {
        Map<String, Object> postBuild = (Map<String, Object>) spec(cluster.kustomization(kustomization).getAdditionalProperties())
                .get("postBuild");
        return ((Map<String, Object>) postBuild.get("substitute")).get("SITE");
    }

    private static void assertNoPassword(String text, String where) {
        assertFalse(text.contains(PASSWORD), "the source's password in " + where);
    }

    private static String configuration(String name, String target, boolean suspend) {
        return """
                {"name":"%s","source":{"kind":"git","url":"https://git.example.com/fleet/apps.git","ref":{"branch":"main"},
                 "credentials":{"username":"flux","password":"%s"}},
                 "kustomizations":[{"name":"apps","path":"./apps","substituteFromLabels":{"SITE":"site"}}],
                 "suspend":%s,"target":%s}
                """.formatted(name, PASSWORD, suspend, target);
    }

    private static RequestSpecification operator() {
        return given().baseUri(gitops.baseUrl()).auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON);
    }
}
