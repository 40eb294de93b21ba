package io.edgefleet.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * REST calls made in one organization of the test's own, so a test sees only its own data
 * without cleaning the database. Services extend it with their domain helpers.
 */
public class TenantApi {

    private final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);

    public String org() {
        return org;
    }

    public RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role, org)).contentType(ContentType.JSON);
    }

    /** A user of this organization by subject, with exactly these groups (roles or group names). */
    public RequestSpecification user(String subject, String... groups) {
        return given().auth().oauth2(TestTokens.forSubject(subject, org, groups)).contentType(ContentType.JSON);
    }

    public RequestSpecification operator() {
        return as("fleet-operator");
    }

    public RequestSpecification viewer() {
        return as("fleet-viewer");
    }
}
