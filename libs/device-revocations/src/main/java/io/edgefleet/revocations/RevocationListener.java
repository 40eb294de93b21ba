package io.edgefleet.revocations;

import java.util.UUID;

/**
 * What a service does beside refusing a revoked device from now on (telemetry stops watching it
 * for silence); called in the transaction that records the revocation.
 */
public interface RevocationListener {

    void revoked(String orgId, UUID deviceId);
}
