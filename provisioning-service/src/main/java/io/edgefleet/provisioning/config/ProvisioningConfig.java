package io.edgefleet.provisioning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of device identity and enrollment. */
@ConfigMapping(prefix = "edgefleet.provisioning")
public interface ProvisioningConfig {

    // Issuer and audience of device tokens: edgefleet.device-tokens.* (DeviceTokenConfig), shared with
    // every service that verifies them.

    /**
     * Lifetime of a device access token. Short, because it bounds how long a revoked device's
     * last token is honoured by a service that missed the revocation event.
     */
    @WithDefault("10m")
    Duration deviceTokenLifetime();

    /** Longest accepted lifetime of a device's signed assertion (it should be seconds old). */
    @WithDefault("5m")
    Duration assertionMaxLifetime();

    /**
     * The keys agent releases are signed with (base64 X.509 SubjectPublicKeyInfo, EC P-256),
     * handed to agents in their bundle's trust anchors: an agent installs an {@code update-agent}
     * artifact only when one of them verifies its signature. None: agents refuse agent updates.
     */
    Optional<List<String>> releaseSigningKeys();

    /** How often commands past their time-to-live are expired. */
    @WithDefault("5s")
    Duration expirySweep();

    /**
     * How often the last-seen times coalesced from heartbeats are written, in one batch. Scheduled
     * jobs read this key directly; it is declared here to be documented and validated.
     */
    @WithDefault("10s")
    Duration lastSeenFlush();

    /**
     * A machine not seen for this long (no session here, no heartbeat through any replica) is
     * offline: a waiting cluster command moves off it to a connected machine of its cluster.
     * Above the agent's heartbeat interval (30 s ±20 %) plus the last-seen flush.
     */
    @WithDefault("90s")
    Duration machineOfflineAfter();

    /** How often waiting cluster commands are checked for machines gone offline. Read by the scheduler directly. */
    @WithDefault("5s")
    Duration clusterCommandSweep();

    // Where devices reach this service from outside: edgefleet.public-url.* (PublicUrls).
}
