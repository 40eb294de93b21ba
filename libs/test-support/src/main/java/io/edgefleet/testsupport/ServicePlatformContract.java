package io.edgefleet.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * The platform promises every service keeps: readiness that checks the database (and not Kafka,
 * which the outbox rides out), Prometheus metrics, OpenAPI, and problem+json for unknown routes.
 * Each service runs it with a {@code @QuarkusTest} subclass.
 */
public abstract class ServicePlatformContract {

    @Test
    void readinessChecksTheDatabaseButNotKafka() {
        // Writes go through the outbox: a Kafka outage must not take a service out of rotation.
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
    }

    /** Hardening item 13: an integrator can subscribe to any topic before anything happened. */
    @Test
    void everyTopicAndThisServicesDeadLetterTopicsExistAtStart() throws Exception {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String service = config.getValue("quarkus.application.name", String.class);
        java.util.Set<String> expected = new java.util.TreeSet<>(io.edgefleet.events.Topics.ALL);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                expected.add(io.edgefleet.events.Topics.deadLetterOf(config.getValue(name, String.class), service));
            }
        }
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                "bootstrap.servers", EdgeFleetInfra.kafka().bootstrapServers()))) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                    admin.listTopics().names().get().containsAll(expected));
        }
    }

    /** One consumer-group rule: {@code <service>.<channel>}, so a group names who reads what. */
    @Test
    void everyConsumerGroupIsNamedServiceDotChannel() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String service = config.getValue("quarkus.application.name", String.class);
        java.util.List<String> channels = new java.util.ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                String channel = name.substring("mp.messaging.incoming.".length(), name.length() - ".topic".length());
                channels.add(channel);
                org.junit.jupiter.api.Assertions.assertEquals(service + "." + channel, config.getOptionalValue(
                        "mp.messaging.incoming." + channel + ".group.id", String.class).orElse(null), channel);
            }
        }
        org.junit.jupiter.api.Assertions.assertFalse(channels.isEmpty(), "every service consumes at least one topic");
    }

    /** Compacted topics keep each key's latest record, so a projection can be rebuilt from them. */
    @Test
    void compactedTopicsAreDeclaredCompacted() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                "bootstrap.servers", EdgeFleetInfra.kafka().bootstrapServers()))) {
            for (String topic : io.edgefleet.events.Topics.COMPACTED) {
                org.apache.kafka.common.config.ConfigResource resource = new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        "compact".equals(admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource)
                                .get("cleanup.policy").value()));
            }
        }
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * The served OpenAPI document is the committed one ({@code src/main/openapi/openapi.json}): a
     * change to the API shows up as a change of the contract in review. After a deliberate change,
     * rewrite it with {@code ./mvnw -pl <service> verify -Dedgefleet.openapi.update=true}.
     */
    @Test
    void servesItsCommittedContract() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode served = json.readTree(
                given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString());
        java.nio.file.Path committed = java.nio.file.Path.of("src/main/openapi/openapi.json");
        if (Boolean.getBoolean("edgefleet.openapi.update")) {
            java.nio.file.Files.createDirectories(committed.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(committed.toFile(), served);
        }
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(committed),
                "no committed contract; write it with -Dedgefleet.openapi.update=true");
        org.junit.jupiter.api.Assertions.assertEquals(json.readTree(committed.toFile()), served,
                "the served OpenAPI document differs from " + committed.toAbsolutePath()
                        + "; if the change is meant, rewrite it with -Dedgefleet.openapi.update=true and commit it");
    }

    /**
     * Hardening item 2a: the committed contract bounds every string, array and map a client may
     * send, with values from the one table of limits.
     */
    @Test
    void committedContractBoundsEveryRequestInput() throws Exception {
        com.fasterxml.jackson.databind.JsonNode committed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("src/main/openapi/openapi.json").toFile());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), RequestBounds.findings(committed));
    }

    /** A Java (or any) client can be generated from the committed contract and relied on. */
    @Test
    void committedContractIsReadyForAGeneratedClient() throws Exception {
        com.fasterxml.jackson.databind.JsonNode committed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("src/main/openapi/openapi.json").toFile());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), ClientReadiness.findings(committed));
    }

    /**
     * The service's AsyncAPI 3 document ({@code src/main/resources/META-INF/resources/asyncapi.json},
     * served as {@code /asyncapi.json}) lists exactly the events it publishes, each with the JSON
     * Schema consumers validate against. Rewritten with {@code -Dedgefleet.openapi.update=true}.
     */
    @Test
    void servesItsCommittedAsyncApi() throws Exception {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String service = config.getValue("quarkus.application.name", String.class);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode generated = AsyncApiDocuments.forProducer(service,
                "EdgeFleet " + service + " events", config.getValue("quarkus.smallrye-openapi.info-version", String.class));
        java.nio.file.Path committed = java.nio.file.Path.of("src/main/resources/META-INF/resources/asyncapi.json");
        if (Boolean.getBoolean("edgefleet.openapi.update")) {
            java.nio.file.Files.createDirectories(committed.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(committed.toFile(), generated);
        }
        org.junit.jupiter.api.Assertions.assertEquals(generated, json.readTree(committed.toFile()),
                "the committed AsyncAPI document is not the event contract's; rewrite it with -Dedgefleet.openapi.update=true");
        org.junit.jupiter.api.Assertions.assertEquals(generated, json.readTree(given().when().get("/asyncapi.json")
                .then().statusCode(200).extract().asString()));
    }

    /**
     * What clients were built against stays valid: the committed contract has no breaking change
     * ({@link ContractCompatibility}) from the last published one ({@code src/main/openapi/published.json})
     * unless its {@code info.version} differs. After a compatible change or a version bump, record
     * the new published contract with {@code -Dedgefleet.contract.publish=true}.
     */
    @Test
    void committedContractStaysCompatibleWithThePublishedOne() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode committed = json.readTree(java.nio.file.Path.of("src/main/openapi/openapi.json").toFile());
        java.io.File published = java.nio.file.Path.of("src/main/openapi/published.json").toFile();
        org.junit.jupiter.api.Assertions.assertTrue(published.exists() || Boolean.getBoolean("edgefleet.contract.publish"),
                "no published contract; record it with -Dedgefleet.contract.publish=true");
        com.fasterxml.jackson.databind.JsonNode baseline = published.exists() ? json.readTree(published) : committed;
        java.util.Set<String> breaks = ContractCompatibility.ofOpenApi(baseline, committed);
        String version = baseline.path("info").path("version").asText();
        if (version.equals(committed.path("info").path("version").asText())) {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), breaks, "breaking changes to the published "
                    + version + " contract: keep them compatible, or raise quarkus.smallrye-openapi.info-version");
        }
        if (Boolean.getBoolean("edgefleet.contract.publish")) {
            json.writerWithDefaultPrettyPrinter().writeValue(published, committed);
        }
    }

    /** The committed contracts, OpenAPI and AsyncAPI, pass the linter (Redocly, rules in redocly.yaml). */
    @Test
    void committedContractPassesTheLinter() throws Exception {
        Process lint = new ProcessBuilder("bash", "../scripts/openapi-lint", "src/main/openapi/openapi.json",
                "src/main/resources/META-INF/resources/asyncapi.json")
                .redirectErrorStream(true).start();
        lint.getOutputStream().close();
        String output = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "lint timed out");
        org.junit.jupiter.api.Assertions.assertEquals(0, lint.exitValue(), output);
    }

    /**
     * Every {@code sort=} value the contract offers on a top-level list is served, and one it does
     * not offer is a 400 rather than silently another order.
     */
    @Test
    void everyDocumentedSortOrderIsServed() throws Exception {
        com.fasterxml.jackson.databind.JsonNode committed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("src/main/openapi/openapi.json").toFile());
        committed.path("paths").fields().forEachRemaining(path -> {
            for (com.fasterxml.jackson.databind.JsonNode parameter : path.getValue().path("get").path("parameters")) {
                if (!path.getKey().contains("{") && "sort".equals(parameter.path("name").asText())) {
                    parameter.path("schema").path("enum").forEach(order -> given().auth().oauth2(TestTokens.admin())
                            .queryParam("sort", order.asText()).when().get(path.getKey()).then().statusCode(200));
                    given().auth().oauth2(TestTokens.admin()).queryParam("sort", "no-such-order").when().get(path.getKey())
                            .then().statusCode(400).contentType("application/problem+json");
                }
            }
        });
    }

    @Test
    void publishesItsOpenApiContract() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void unknownRoutesAreProblemJson() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/does-not-exist")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }
}
