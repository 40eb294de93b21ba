package io.edgefleet.gitops.configuration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.gitops.GitOpsApi;
import io.edgefleet.secrets.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configurations through the API: what is stored and shown, what is refused, and that credentials stay sealed. */
@QuarkusTest
class ConfigurationApiTest {

    private static final String SECRET = "s3cret-pa55";

    private final GitOpsApi api = new GitOpsApi();

    @Inject
    EntityManager entityManager;

    @Test
    void aConfigurationIsStoredWithDefaultsAndItsCredentialsSealedNeverShown() {
        String body = api.operator().body(GitOpsApi.configuration("podinfo", "{\"labelSelector\":\"fleet=demo\"}", "./apps"))
                .post("/api/v1/configurations").then().statusCode(201).header("ETag", "\"0\"")
                .body("spec.scope", equalTo("cluster")).body("spec.source.interval", equalTo("10m"))
                .body("spec.kustomizations[0].prune", equalTo(true)).body("spec.kustomizations[0].wait", equalTo(true))
                .body("spec.source.credentials", nullValue()).body("status.credentials", equalTo("basic-auth"))
                .extract().asString();
        assertFalse(body.contains(SECRET), body);
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");
        api.viewer().get("/api/v1/configurations/" + id).then().statusCode(200).body(not(containsString(SECRET)));
        api.viewer().queryParam("name", "podinfo").get("/api/v1/configurations").then().statusCode(200)
                .body("items.size()", equalTo(1)).body(not(containsString(SECRET)));

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT CAST(spec AS text), credentials FROM gitops_configuration WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult());
        assertFalse(((String) stored[0]).contains(SECRET), "spec holds no credential");
        assertFalse(((String) stored[1]).contains(SECRET), "credentials are sealed");
        assertTrue(Secrets.isSealed((String) stored[1]));
    }

    @Test
    void aReplaceKeepsCredentialsUnlessGivenAndHonoursIfMatch() {
        String id = api.operator().body(GitOpsApi.configuration("keep", "{\"labelSelector\":\"a=b\"}", "./apps"))
                .post("/api/v1/configurations").then().statusCode(201).extract().path("id");
        String withoutCredentials = "{\"name\":\"keep\",\"source\":{\"kind\":\"git\",\"url\":\"https://git.example/other.git\"},"
                + "\"kustomizations\":[{\"name\":\"apps\"}],\"target\":{\"labelSelector\":\"a=b\"}}";
        api.operator().header("If-Match", "\"0\"").body(withoutCredentials).put("/api/v1/configurations/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("status.credentials", equalTo("basic-auth"))
                .body("spec.source.ref.branch", equalTo("main"));
        api.operator().header("If-Match", "\"0\"").body(withoutCredentials).put("/api/v1/configurations/" + id).then()
                .statusCode(412);
        String removing = withoutCredentials.replace("other.git\"}", "other.git\",\"credentials\":{}}");
        api.operator().body(removing).put("/api/v1/configurations/" + id).then().statusCode(200)
                .body("status.credentials", nullValue());
        api.operator().body(GitOpsApi.configuration("keep", "{\"labelSelector\":\"a=b\"}", "./apps"))
                .post("/api/v1/configurations").then().statusCode(409).body("code", equalTo("CONFIGURATION_NAME_TAKEN"));
        api.operator().delete("/api/v1/configurations/" + id).then().statusCode(204);
        api.viewer().get("/api/v1/configurations/" + id).then().statusCode(404).body("code", equalTo("CONFIGURATION_NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"Bad_Name\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"svn\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"ftp://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\",\"ref\":{\"digest\":\"sha256:00\"}},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"oci\",\"url\":\"oci://r.example/x\",\"ref\":{\"branch\":\"main\"}},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\",\"interval\":\"soon\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\",\"path\":\"../etc\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\",\"dependsOn\":[\"b\"]},{\"name\":\"b\",\"dependsOn\":[\"a\"]}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\",\"substitute\":{\"1x\":\"v\"}}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\",\"credentials\":{\"sshPrivateKey\":\"k\",\"knownHosts\":\"h\"}},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\",\"credentials\":{\"username\":\"u\"}},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"scope\":\"namespace\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\"}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"labelSelector\":\"a=b\",\"clusters\":[\"7d3c4a52-0d5c-4d43-9a3c-2b7a0c0f3a11\"]}}",
        "{\"name\":\"n\",\"source\":{\"kind\":\"git\",\"url\":\"https://g.example/x.git\"},\"kustomizations\":[{\"name\":\"a\"}],\"target\":{\"group\":\"7d3c4a52-0d5c-4d43-9a3c-2b7a0c0f3a11\"}}"
    })
    void anInvalidConfigurationIsRefusedWith422AndNothingIsStored(String body) {
        api.operator().body(body).post("/api/v1/configurations").then().statusCode(422)
                .contentType("application/problem+json").body("detail", not(containsString("Exception")));
        assertEquals(0, api.viewer().get("/api/v1/configurations").then().statusCode(200).extract().<Integer>path("items.size()"));
    }
}
