package io.edgefleet.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.edgefleet.projection.InventoryRecords;
import io.edgefleet.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An enrollment token's target group is a static group inventory has; anything else is refused. */
@QuarkusTest
class EnrollmentTokenGroupTest {

    @Test
    void aTokenNamingNoGroupIsRefusedAndNotCreated() {
        String name = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        create(name).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("targetGroup"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 500).when().get("/api/v1/enrollment-tokens")
                .then().statusCode(200).body("items.findAll { it.targetGroup == '" + name + "' }.size()", equalTo(0));
    }

    @Test
    void aStaticGroupIsFoundByNameOrIdAndKeptByName() {
        String id = UUID.randomUUID().toString();
        String name = "berlin-" + id.substring(0, 8);
        InventoryRecords.staticGroup(TestTokens.DEFAULT_ORG, id, name, List.of());
        Awaitility.await("group projected").atMost(Duration.ofSeconds(60)).until(() -> create(id).statusCode() == 201);
        create(name).then().statusCode(201).body("targetGroup", equalTo(name));
        create(id).then().statusCode(201).body("targetGroup", equalTo(name));
    }

    @Test
    void aDynamicGroupIsRefusedBecauseItsSelectorDecidesWhoBelongs() {
        String id = UUID.randomUUID().toString();
        String name = "site-paris-" + id.substring(0, 8);
        InventoryRecords.dynamicGroup(TestTokens.DEFAULT_ORG, id, name, "site=paris");
        Awaitility.await("group projected").atMost(Duration.ofSeconds(60))
                .until(() -> create(name).asString().contains("dynamic"));
        create(name).then().statusCode(422).body("errors[0].message", containsString("dynamic group"));
    }

    @Test
    void tokensListNewestFirstWhenAsked() {
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("name", "ordered-" + i, "expiresAt", OffsetDateTime.now().plusHours(1).toString(), "maxUses", 1))
                    .when().post("/api/v1/enrollment-tokens").then().statusCode(201).extract().path("id"));
        }
        List<String> listed = new java.util.ArrayList<>();
        String cursor = "";
        do {
            var page = given().auth().oauth2(TestTokens.viewer()).queryParam("sort", "-createdAt").queryParam("limit", 7)
                    .queryParam("cursor", cursor).when().get("/api/v1/enrollment-tokens").then().statusCode(200).extract();
            listed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        List<String> mine = listed.stream().filter(made::contains).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(made.get(2), made.get(1), made.get(0)), mine);
        org.junit.jupiter.api.Assertions.assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), "no token twice");
    }

    private static Response create(String targetGroup) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "grouped", "expiresAt", OffsetDateTime.now().plusHours(1).toString(), "maxUses", 1,
                        "targetGroup", targetGroup))
                .when().post("/api/v1/enrollment-tokens");
    }
}
