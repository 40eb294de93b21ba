package io.edgefleet.update.rollout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.testsupport.TestTokens;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.ProvisioningDouble;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An agent release rolls out as update-agent commands carrying the artifact, its hash and its signature. */
@QuarkusTest
class AgentReleaseRolloutTest {

    private static final String SIGNATURE = "MEUCIQDsignedBytesOfTheJarInBase64AAAAAAAAAAAAAAAAAAAAAAIgZmFrZQ==";

    @Test
    void anAgentRolloutSendsEachMachineTheSignedArtifactAndNothingToOnesAlreadyThere() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        Fleet.Machine old = fleet.machine(Map.of("distribution", "k3s", "kubernetesVersion", "v1.30.4+k3s1",
                "agentVersion", "0.4.0"), Map.of("site", "berlin"));
        Fleet.Machine current = fleet.machine(Map.of("distribution", "k3s", "kubernetesVersion", "v1.30.4+k3s1",
                "agentVersion", "0.5.0"), Map.of("site", "berlin"));
        fleet.awaitProjected(List.of(old, current));
        String release = given().auth().oauth2(TestTokens.forRole("fleet-admin", fleet.org())).contentType(ContentType.JSON)
                .body(Map.of("kind", "agent", "version", "0.5.0", "channel", "stable", "releasedOn", "2026-11-20",
                        "artifacts", List.of(Map.of("url", "https://downloads.example.com/edge-agent-0.5.0.jar",
                                "sha256", "b".repeat(64), "signature", SIGNATURE))))
                .when().post("/api/v1/releases").then().statusCode(201).extract().path("id");
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> "succeeded")) {
            String id = rollouts.start(Map.of("name", "agent-0.5.0", "target", Map.of("labelSelector", "site=berlin"),
                    "release", release));
            var done = rollouts.awaitPhase(id, "completed");
            assertEquals(2, done.getInt("counts.succeeded"), "the machine already at 0.5.0 is done without a command");
            List<ProvisioningDouble.Request> sent = provisioning.receivedBy(old.identity());
            assertEquals(List.of("update-agent"), sent.stream().map(ProvisioningDouble.Request::type).toList());
            var payload = sent.get(0).payload();
            assertEquals("0.5.0", payload.path("version").asText());
            assertEquals("https://downloads.example.com/edge-agent-0.5.0.jar", payload.path("artifactUrl").asText());
            assertEquals("b".repeat(64), payload.path("sha256").asText());
            assertEquals(SIGNATURE, payload.path("signature").asText());
            assertEquals(List.of(), provisioning.receivedBy(current.identity()));
        }
    }
}
