package io.edgefleet.secrets;

import java.util.Base64;

/**
 * A sealed secret as stored: {@code ef1:<kek id>:<wrapped data key>:<iv>:<ciphertext and tag>},
 * the binary parts base64url. It names its KEK, so rotation can tell which rows to re-wrap.
 */
record Envelope(String kekId, byte[] wrappedKey, byte[] iv, byte[] ciphertext) {

    static final String PREFIX = "ef1";

    String text() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return String.join(":", PREFIX, kekId, b64.encodeToString(wrappedKey), b64.encodeToString(iv),
                b64.encodeToString(ciphertext));
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX + ":");
    }

    static Envelope parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", -1);
        if (parts.length != 5 || !PREFIX.equals(parts[0]) || parts[1].isEmpty()) {
            throw new SecretException("not a sealed secret");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            return new Envelope(parts[1], b64.decode(parts[2]), b64.decode(parts[3]), b64.decode(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new SecretException("not a sealed secret");
        }
    }
}
