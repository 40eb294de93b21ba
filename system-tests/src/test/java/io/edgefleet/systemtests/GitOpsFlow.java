package io.edgefleet.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A GitOps configuration on the running stack, as an operator sees it: it converges on every
 * cluster of the simulated fleet (the simulator plays Flux), a broken path makes every cluster
 * non-compliant with Flux's words, fixing it brings them back, and the source's password is
 * in no answer and no log line.
 */
final class GitOpsFlow {

    private static final int GITOPS = 6;
    private static final String PASSWORD = "e2e-flux-pa55-7f3a";

    private GitOpsFlow() {
    }

    /** @param clusters how many clusters the simulated fleet forms */
    static void aConfigurationConvergesOnTheFleet(DevStack stack, int clusters) throws Exception {
        String id = operator(stack).body(configuration("./apps/${SITE}")).when().post("/api/v1/configurations")
                .then().statusCode(201).extract().path("id");
        awaitStates(stack, id, clusters, "compliant");
        JsonPath compliance = operator(stack).when().get("/api/v1/configurations/" + id + "/compliance").then().extract().jsonPath();
        assertTrue(compliance.getList("items.revision", String.class).stream().allMatch(r -> r.startsWith("main@sha1:")),
                compliance.prettify());

        String version = operator(stack).when().get("/api/v1/configurations/" + id).then().extract().header("ETag");
        operator(stack).header("If-Match", version).body(configuration("./does-not-exist")).when()
                .put("/api/v1/configurations/" + id).then().statusCode(200);
        awaitStates(stack, id, clusters, "non-compliant");
        operator(stack).when().get("/api/v1/configurations/" + id + "/compliance").then()
                .body("items[0].message", org.hamcrest.Matchers.containsString("kustomization path not found"));

        String fixed = operator(stack).when().get("/api/v1/configurations/" + id).then().extract().header("ETag");
        operator(stack).header("If-Match", fixed).body(configuration("./apps/${SITE}")).when().put("/api/v1/configurations/" + id)
                .then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(PASSWORD)));
        awaitStates(stack, id, clusters, "compliant");
        List<String> history = operator(stack).queryParam("limit", 100).when().get("/api/v1/configurations/" + id + "/compliance/history")
                .then().statusCode(200).extract().path("items.state");
        assertTrue(history.containsAll(List.of("pending", "compliant", "non-compliant")), history.toString());
        operator(stack).when().get("/api/v1/configuration-compliance/summary").then().statusCode(200)
                .body("clusters.compliant", org.hamcrest.Matchers.equalTo(clusters));
        assertEquals(List.of(), linesWithPassword(stack.stateDir().resolve("logs")), "no credential in any log");
    }

    private static void awaitStates(DevStack stack, String id, int clusters, String state) throws IOException {
        try {
            Awaitility.await("every cluster " + state).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<String> states = operator(stack).queryParam("limit", 100).when()
                        .get("/api/v1/configurations/" + id + "/compliance").then().extract().path("items.state");
                return states.size() == clusters && states.stream().allMatch(state::equals);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\ncompliance: " + operator(stack).when()
                    .get("/api/v1/configurations/" + id + "/compliance").then().extract().asString() + "\nagents: "
                    + stack.logLines("devices", "configurations"), e);
        }
    }

    private static List<String> linesWithPassword(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(l -> l.contains(PASSWORD)).map(l -> file.getFileName() + ": " + l);
                } catch (IOException | java.io.UncheckedIOException unreadable) {
                    return Stream.of(file.getFileName() + ": unreadable");
                }
            }).toList();
        }
    }

    private static String configuration(String path) {
        return """
                {"name":"site-apps","source":{"kind":"git","url":"https://git.example.com/fleet/apps.git","ref":{"branch":"main"},
                 "credentials":{"username":"flux","password":"%s"}},
                 "kustomizations":[{"name":"infra","path":"./infra"},
                                   {"name":"apps","path":"%s","dependsOn":["infra"],"substituteFromLabels":{"SITE":"site"}}],
                 "target":{"labelSelector":"simulated=true"}}
                """.formatted(PASSWORD, path);
    }

    private static RequestSpecification operator(DevStack stack) {
        try {
            return given().baseUri(stack.serviceUrl(GITOPS)).auth().oauth2(stack.adminToken()).contentType(ContentType.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
