package io.edgefleet.agent.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.agent.simulator.SimulatedUpgradeHook;
import io.edgefleet.agent.testing.IdleAgentControl;
import io.edgefleet.events.agent.AgentMessage;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent installs only a release whose bytes match the command's sha256 and carry a trusted signature. */
class AgentReleasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] RELEASE = "edge-agent 0.2.0 (a jar in real life)".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final KeyPair releaseKey = ecKeyPair();
    private final KeyPair otherKey = ecKeyPair();
    private final List<String> installed = new ArrayList<>();

    @Test
    void aSignedReleaseServedOverHttpIsVerifiedInstalledAndItsVersionReported() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/releases/edge-agent-0.2.0.jar", exchange -> {
            exchange.sendResponseHeaders(200, RELEASE.length);
            exchange.getResponseBody().write(RELEASE);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/releases/edge-agent-0.2.0.jar";
            Outcome outcome = executor(List.of(publicKey(otherKey), publicKey(releaseKey)))
                    .execute(command(payload(url, AgentReleases.sha256(RELEASE), sign(releaseKey, RELEASE))));
            assertTrue(outcome.succeeded(), outcome.failureReason());
            assertEquals("0.2.0", outcome.result().path("version").asText());
            assertEquals(List.of("0.2.0"), installed, "the hook restarts the agent as the new version");
            assertArrayEquals(RELEASE, Files.readAllBytes(dir.resolve("staging").resolve("edge-agent-0.2.0.jar")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aReleaseIsRefusedWhenItsHashSignatureOrKeyDoesNotHold() throws Exception {
        Path artifact = Files.write(dir.resolve("edge-agent.jar"), RELEASE);
        String url = artifact.toUri().toString();
        String sha = AgentReleases.sha256(RELEASE);
        List<String> trusted = List.of(publicKey(releaseKey));
        assertRefused(trusted, payload(url, sha, sign(otherKey, RELEASE)), "matches no release key");
        assertRefused(trusted, payload(url, sha, sign(releaseKey, "something else".getBytes(StandardCharsets.UTF_8))),
                "matches no release key");
        assertRefused(trusted, payload(url, "0".repeat(64), sign(releaseKey, RELEASE)), "sha256 is " + sha);
        assertRefused(trusted, payload(url, sha, "not base64 at all!"), "matches no release key");
        assertRefused(List.of(), payload(url, sha, sign(releaseKey, RELEASE)), "no release signing key");
        assertTrue(installed.isEmpty(), "nothing refused is installed");
        assertFalse(Files.exists(dir.resolve("staging")), "nothing refused is staged");
    }

    private void assertRefused(List<String> keys, ObjectNode payload, String reason) {
        Outcome outcome = executor(keys).execute(command(payload));
        assertFalse(outcome.succeeded());
        assertTrue(outcome.failureReason().contains(reason), outcome.failureReason());
    }

    private CommandExecutor executor(List<String> keys) {
        SimulatedMachine machine = new SimulatedMachine(new SimulatedCluster("c", SimulatedCluster.Shape.K3S_SINGLE_MACHINE),
                "m", true, new Random(1));
        AgentControl control = new IdleAgentControl();
        return new CommandExecutor(machine, new SimulatedUpgradeHook(machine, Duration.ZERO, false, installed::add), control,
                JSON, Duration.ofSeconds(1), new AgentReleases(keys, HttpClient.newHttpClient(), dir.resolve("staging")));
    }

    private static AgentMessage.CommandView command(ObjectNode payload) {
        return new AgentMessage.CommandView("c-1", 1L, "update-agent", payload, null);
    }

    private static ObjectNode payload(String url, String sha256, String signature) {
        return JSON.createObjectNode().put("version", "0.2.0").put("artifactUrl", url).put("sha256", sha256)
                .put("signature", signature);
    }

    private static String sign(KeyPair key, byte[] bytes) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(bytes);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String publicKey(KeyPair key) {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
