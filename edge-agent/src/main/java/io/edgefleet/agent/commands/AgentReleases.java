package io.edgefleet.agent.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Fetches an agent release an {@code update-agent} command names and proves it before anything
 * installs it: its bytes must hash to the command's sha256 and carry a signature (ECDSA P-256 over
 * SHA-256, base64) by one of the release keys of the agent's trust bundle. No key in the bundle:
 * every update is refused — an agent that cannot check a release does not run one.
 */
public class AgentReleases {

    /** Largest artifact taken (an agent jar is ~30 MB with its dependencies). */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private final List<PublicKey> keys;
    private final HttpClient http;
    private final Path staging;

    /**
     * @param releaseKeys base64 X.509 SubjectPublicKeyInfo of EC keys, as the bundle's {@code trustAnchors.releaseSigningKeys}
     * @param staging where a verified release is written for the hook to install
     */
    public AgentReleases(List<String> releaseKeys, HttpClient http, Path staging) {
        this.keys = releaseKeys.stream().map(AgentReleases::publicKey).toList();
        this.http = http;
        this.staging = staging;
    }

    /** A verified release, staged as a file. */
    public record Staged(String version, Path artifact) {
    }

    /** Downloads, checks and stages the release {@code payload} names; throws naming what failed. */
    public Staged fetchVerified(JsonNode payload) throws IOException, InterruptedException {
        if (keys.isEmpty()) {
            throw new IllegalStateException("the trust bundle holds no release signing key: agent updates are refused");
        }
        String version = payload.path("version").asText();
        byte[] artifact = download(URI.create(payload.path("artifactUrl").asText()));
        String sha256 = sha256(artifact);
        if (!sha256.equals(payload.path("sha256").asText())) {
            throw new IllegalStateException("the artifact's sha256 is " + sha256 + ", the command names " + payload.path("sha256").asText());
        }
        if (!signedByAKey(artifact, payload.path("signature").asText())) {
            throw new IllegalStateException("the artifact's signature matches no release key of the trust bundle");
        }
        Files.createDirectories(staging);
        Path file = staging.resolve("edge-agent-" + version.replaceAll("[^0-9A-Za-z.+-]", "_") + ".jar");
        Files.write(file, artifact);
        return new Staged(version, file);
    }

    private byte[] download(URI url) throws IOException, InterruptedException {
        if ("file".equals(url.getScheme())) {
            Path file = Path.of(url);
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalStateException("the artifact is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        }
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("fetching " + url + " answered " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) MAX_BYTES + 1); // one byte more tells an oversized artifact
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException("the artifact is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private boolean signedByAKey(byte[] artifact, String signature) {
        byte[] signed;
        try {
            signed = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance("SHA256withECDSA");
                verifier.initVerify(key);
                verifier.update(artifact);
                if (verifier.verify(signed)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature for this key: try the next
            }
        }
        return false;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a release signing key of the trust bundle is no base64 EC public key", e);
        }
    }
}
