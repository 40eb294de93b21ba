package io.edgefleet.inventory.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A service configured with a certificate serves TLS, and a renewed certificate written over the
 * old file is served without a restart (the TLS registry re-reads it every reload period).
 */
@QuarkusTest
@TestProfile(TlsReloadTest.WithCertificate.class)
class TlsReloadTest {

    static final Path KEYSTORE = Path.of("target", "tls", "server.p12");

    @TestHTTPResource(value = "/q/health/ready", tls = true)
    URL ready;

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        // The registry re-reads the file every second, and a handshake racing a reload may fail: retry it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "CN=inventory-first".equals(servedSubject()));
        Path renewed = KEYSTORE.resolveSibling("renewed.p12");
        keystore(renewed, "inventory-renewed");
        Files.move(renewed, KEYSTORE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "CN=inventory-renewed".equals(servedSubject()));
    }

    private String servedSubject() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(ready.getHost(), ready.getPort())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        }
    }

    static void keystore(Path file, String commonName) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=" + commonName, "-keystore", file.toString(), "-storetype", "PKCS12",
                    "-storepass", "changeit").redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service with a certificate from a file, re-read every second. */
    public static class WithCertificate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            keystore(KEYSTORE, "inventory-first");
            return Map.of("quarkus.tls.key-store.p12.path", KEYSTORE.toAbsolutePath().toString(),
                    "quarkus.tls.key-store.p12.password", "changeit",
                    "quarkus.tls.reload-period", "1s",
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "enabled");
        }
    }

    /** The test checks which certificate is served, not who signed it. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
