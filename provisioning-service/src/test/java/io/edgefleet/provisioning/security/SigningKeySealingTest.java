package io.edgefleet.provisioning.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.provisioning.TestDevice;
import io.edgefleet.secrets.KeystoreKeyEncryptionKeys;
import io.edgefleet.secrets.Secrets;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Device-token signing keys are stored sealed, old plaintext rows get sealed, and a KEK rotation keeps them usable. */
@QuarkusTest
class SigningKeySealingTest {

    @Inject
    SigningKeySealing sealing;

    @Inject
    Secrets secrets;

    @Test
    void noSigningKeyIsStoredInPlaintextAndTokensStillWork() throws Exception {
        TestDevice.Enrolled device = TestDevice.enrolledDevice();
        assertDevicePasses(device);
        List<String> stored = storedKeys();
        assertFalse(stored.isEmpty());
        stored.forEach(key -> assertTrue(Secrets.isSealed(key) && !key.contains("PRIVATE KEY"), key));
    }

    @Test
    void aKeyWrittenBeforeEncryptionIsSealedAndStaysTheSameKey() throws Exception {
        String kid = "legacy-" + UUID.randomUUID();
        String pem = KeyCodec.toPem("PRIVATE KEY", KeyCodec.newRsaKeyPair().getPrivate().getEncoded());
        sql("INSERT INTO signing_key (kid, private_key, public_key, created_at, retired_at) VALUES (?, ?, 'unused', now(), now())",
                kid, pem);
        assertTrue(sealing.reseal() >= 1);
        String sealed = storedKey(kid);
        assertTrue(Secrets.isSealed(sealed));
        assertEquals(pem, secrets.openText(sealed));
    }

    @Test
    void afterAKekRotationEveryKeyIsRewrappedAndStillSigns() throws Exception {
        TestDevice.Enrolled before = TestDevice.enrolledDevice();
        String kek = KeystoreKeyEncryptionKeys.addKek(Path.of("target/test-kek.p12"), "edgefleet-dev-only".toCharArray());
        assertTrue(sealing.reseal() >= 1);
        storedKeys().forEach(key -> assertTrue(key.startsWith("ef1:" + kek + ":"), "re-wrapped with the new KEK"));
        assertDevicePasses(before);
        assertDevicePasses(TestDevice.enrolledDevice());
        assertEquals(0, sealing.reseal(), "nothing left to re-wrap");
    }

    private static void assertDevicePasses(TestDevice.Enrolled device) {
        given().auth().oauth2(device.accessToken()).when().get("/api/v1/device/commands/pending").then().statusCode(200);
    }

    private static List<String> storedKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SELECT private_key FROM signing_key")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static String storedKey(String kid) throws Exception {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT private_key FROM signing_key WHERE kid = ?")) {
            st.setString(1, kid);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void sql(String statement, String... values) throws Exception {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                st.setString(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(EdgeFleetInfra.jdbcUrl(), PostgresServer.USER, "postgres");
    }
}
