package io.edgefleet.provisioning.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.secrets.KeyEncryptionKeys;
import io.edgefleet.secrets.Secrets;
import org.junit.jupiter.api.Test;

/** Sealing a payload's writeOnly fields, opening them for the device, leaving them out of reads. */
class CommandSecretsUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandSecrets secrets = new CommandSecrets(new Secrets(new KeyEncryptionKeys() {
        @Override
        public String currentId() {
            return "k1";
        }

        @Override
        public byte[] wrap(String kekId, byte[] dataKey) {
            return dataKey.clone();
        }

        @Override
        public byte[] unwrap(String kekId, byte[] wrappedDataKey) {
            return wrappedDataKey.clone();
        }
    }), JSON);

    @Test
    void aSealedPayloadOpensToTheOriginalAndReadsWithoutTheSecret() throws Exception {
        JsonNode payload = JSON.readTree("{\"manifests\":\"a: 1\",\"secretManifests\":\"token: s3cr3t\",\"namespace\":\"x\"}");
        JsonNode stored = secrets.seal(CommandType.APPLY_MANIFESTS, payload);
        assertFalse(stored.toString().contains("s3cr3t"));
        JsonNode reread = JSON.readTree(stored.toString());
        assertEquals(payload, secrets.open(reread));
        assertEquals(JSON.readTree("{\"manifests\":\"a: 1\",\"namespace\":\"x\"}"), CommandSecrets.redacted(reread));
    }
}
