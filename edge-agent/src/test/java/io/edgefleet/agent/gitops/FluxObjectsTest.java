package io.edgefleet.agent.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A configuration becomes Flux's own objects, as Flux's API documents them. */
class FluxObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FluxObjects flux = new FluxObjects(JSON);

    @Test
    void gitConfigurationBecomesASecretAGitRepositoryAndItsKustomizations() {
        List<ObjectNode> objects = flux.of(configuration("git", "https://git.example.com/fleet/apps.git",
                new DesiredSet.Ref("main", "v1.2.0", null, "a1b2c3d", null),
                new DesiredSet.Credentials("fleet", "s3cret", null, null, "-----BEGIN CERTIFICATE-----"), "cluster", false));

        assertEquals(List.of("Secret/apps-auth", "GitRepository/apps", "Kustomization/apps-infra", "Kustomization/apps-site"),
                objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText()).toList());
        objects.forEach(o -> {
            assertEquals("flux-system", o.path("metadata").path("namespace").asText());
            assertEquals("0c7f6a52-8a35-4b1c-9e0f-3f1d1d1d1d1d", o.path("metadata").path("labels").path("edgefleet.io/configuration").asText());
            assertEquals("3", o.path("metadata").path("annotations").path("edgefleet.io/resource-version").asText());
        });
        JsonNode secret = objects.get(0).path("stringData");
        assertEquals("fleet", secret.path("username").asText());
        assertEquals("s3cret", secret.path("password").asText());
        assertEquals("-----BEGIN CERTIFICATE-----", secret.path("ca.crt").asText());

        JsonNode source = objects.get(1);
        assertEquals("source.toolkit.fluxcd.io/v1", source.path("apiVersion").asText());
        assertEquals(JSON.valueToTree(Map.of("commit", "a1b2c3d")), source.path("spec").path("ref"), "commit wins over tag and branch");
        assertEquals("apps-auth", source.path("spec").path("secretRef").path("name").asText());
        assertEquals("10m", source.path("spec").path("interval").asText());

        JsonNode site = objects.get(3).path("spec");
        assertEquals("kustomize.toolkit.fluxcd.io/v1", objects.get(3).path("apiVersion").asText());
        assertEquals("./sites", site.path("path").asText());
        assertEquals("apps-infra", site.path("dependsOn").path(0).path("name").asText());
        assertEquals("berlin", site.path("postBuild").path("substitute").path("SITE").asText());
        assertEquals("GitRepository", site.path("sourceRef").path("kind").asText());
        assertEquals("apps", site.path("sourceRef").path("name").asText());
        assertTrue(site.path("prune").asBoolean(), "prune is on unless switched off");
        assertTrue(site.path("wait").asBoolean());
        assertFalse(site.has("targetNamespace"));
        assertFalse(site.has("suspend"));
    }

    @Test
    void namespaceScopeTargetsTheNamespaceAndSuspendSuspendsEverything() {
        List<ObjectNode> objects = flux.of(configuration("git", "ssh://git@git.example.com/fleet/apps.git", null,
                new DesiredSet.Credentials(null, null, "-----BEGIN OPENSSH PRIVATE KEY-----", "git.example.com ssh-ed25519 AAAA", null),
                "namespace", true));
        JsonNode secret = objects.get(0).path("stringData");
        assertEquals("-----BEGIN OPENSSH PRIVATE KEY-----", secret.path("identity").asText());
        assertEquals("git.example.com ssh-ed25519 AAAA", secret.path("known_hosts").asText());
        assertEquals(JSON.valueToTree(Map.of("branch", "main")), objects.get(1).path("spec").path("ref"), "no ref: branch main");
        assertTrue(objects.get(1).path("spec").path("suspend").asBoolean());
        assertEquals("shop", objects.get(2).path("spec").path("targetNamespace").asText());
        assertTrue(objects.get(2).path("spec").path("suspend").asBoolean());
    }

    @Test
    void ociSourceGetsARegistrySecretAndACertificateSecret() throws Exception {
        List<ObjectNode> objects = flux.of(configuration("oci", "oci://registry.example.com/fleet/manifests",
                new DesiredSet.Ref(null, "1.0.0", null, null, "sha256:abc"),
                new DesiredSet.Credentials("robot", "t0ken", null, null, "-----BEGIN CERTIFICATE-----"), "cluster", false));
        assertEquals("kubernetes.io/dockerconfigjson", objects.get(0).path("type").asText());
        JsonNode auths = JSON.readTree(objects.get(0).path("stringData").path(".dockerconfigjson").asText()).path("auths");
        assertEquals(Base64.getEncoder().encodeToString("robot:t0ken".getBytes()), auths.path("registry.example.com").path("auth").asText());
        assertEquals("-----BEGIN CERTIFICATE-----", objects.get(1).path("stringData").path("ca.crt").asText());
        JsonNode source = objects.get(2);
        assertEquals("OCIRepository", source.path("kind").asText());
        assertEquals(JSON.valueToTree(Map.of("digest", "sha256:abc")), source.path("spec").path("ref"), "digest wins over tag");
        assertEquals("apps-auth", source.path("spec").path("secretRef").path("name").asText());
        assertEquals("apps-ca", source.path("spec").path("certSecretRef").path("name").asText());
        assertEquals("OCIRepository", objects.get(3).path("spec").path("sourceRef").path("kind").asText());
    }

    @Test
    void credentialsNeverShowInTheirText() {
        String text = new DesiredSet.Credentials("fleet", "s3cret", "key", null, null).toString();
        assertFalse(text.contains("s3cret") || text.contains("fleet"), text);
    }

    private static DesiredSet.Configuration configuration(String kind, String url, DesiredSet.Ref ref,
                                                          DesiredSet.Credentials credentials, String scope, boolean suspend) {
        return new DesiredSet.Configuration("0c7f6a52-8a35-4b1c-9e0f-3f1d1d1d1d1d", "apps", "3", scope, "shop", suspend,
                new DesiredSet.Source(kind, url, ref, null, null, credentials),
                List.of(new DesiredSet.Kustomization("infra", "./infra", List.of(), null, null, null, null, null, null, Map.of()),
                        new DesiredSet.Kustomization("site", "./sites", List.of("infra"), "5m", "1m", "2m", true, false, true,
                                Map.of("SITE", "berlin"))),
                List.of());
    }
}
