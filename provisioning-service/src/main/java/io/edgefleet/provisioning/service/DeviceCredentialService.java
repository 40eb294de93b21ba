package io.edgefleet.provisioning.service;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.CredentialRotated;
import io.edgefleet.events.provisioning.DeviceRevoked;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.provisioning.command.CommandNotifications;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.domain.Enrollment;
import io.edgefleet.provisioning.repository.DeviceIdentityRepository;
import io.edgefleet.provisioning.repository.EnrollmentRepository;
import io.edgefleet.provisioning.security.ActiveIdentities;
import io.edgefleet.provisioning.security.DeviceAssertions;
import io.edgefleet.provisioning.security.DeviceTokens;
import io.edgefleet.provisioning.security.KeyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Device credentials: access tokens in exchange for a signed assertion, key rotation by the
 * device, revocation by an operator.
 */
@ApplicationScoped
public class DeviceCredentialService {

    private final DeviceIdentityRepository identities;
    private final EnrollmentRepository enrollments;
    private final DeviceAssertions assertions;
    private final DeviceTokens tokens;
    private final Outbox outbox;
    private final CommandNotifications notifications;
    private final ActiveIdentities active;
    private final Clock clock;

    public DeviceCredentialService(DeviceIdentityRepository identities, EnrollmentRepository enrollments,
                                   DeviceAssertions assertions, DeviceTokens tokens, Outbox outbox,
                                   CommandNotifications notifications, ActiveIdentities active, Clock clock) {
        this.identities = identities;
        this.enrollments = enrollments;
        this.assertions = assertions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.notifications = notifications;
        this.active = active;
        this.clock = clock;
    }

    /**
     * An access token for the device whose key signed {@code assertion}. The subject may be the
     * device id, or the enrollment id while the agent does not know its device id yet.
     */
    @Transactional
    public Credential issueToken(String assertion) {
        UUID subject = assertions.claimedSubject(assertion);
        Optional<DeviceIdentity> identity = identities.findByIdOptional(subject);
        if (identity.isEmpty()) {
            Enrollment enrollment = enrollments.findByIdOptional(subject).orElseThrow(() -> new FleetException(
                    ProvisioningErrorCode.INVALID_DEVICE_ASSERTION, "no device or enrollment " + subject));
            assertions.verify(assertion, id -> key(enrollment.publicKey));
            refuseUndecided(enrollment);
            identity = identities.findByIdOptional(enrollment.deviceId);
        } else {
            DeviceIdentity known = identity.get();
            assertions.verify(assertion, id -> key(known.publicKey));
        }
        DeviceIdentity device = identity.orElseThrow();
        ActiveIdentities.refuseRevoked(device);
        DeviceTokens.IssuedToken token = tokens.issue(device);
        return new Credential(device.deviceId, token.token(), token.expiresAt().toString());
    }

    /** Replaces the device's key; {@code proof} is an assertion signed with the new key. */
    @Transactional
    public DeviceIdentity rotateKey(DeviceCaller caller, String newPublicKeyPem, String proof) {
        DeviceIdentity device = active.active(caller);
        PublicKey newKey = KeyCodec.parseDevicePublicKey(newPublicKeyPem).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.INVALID_PUBLIC_KEY, "publicKey must be an SPKI PEM RSA (>= 2048 bit) or EC (>= P-256) key"));
        UUID proven = assertions.verify(proof, id -> newKey);
        if (!proven.equals(device.deviceId)) {
            throw new FleetException(ProvisioningErrorCode.INVALID_DEVICE_ASSERTION, "proof must name the device itself");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        device.publicKey = newPublicKeyPem;
        device.keyFingerprint = KeyCodec.fingerprint(newKey);
        device.rotatedAt = now;
        outbox.record(EventType.CREDENTIAL_ROTATED, device.orgId, device.deviceId.toString(),
                new CredentialRotated(device.deviceId.toString(), device.keyFingerprint, now.toInstant()));
        return device;
    }

    @Transactional
    public DeviceIdentity revoke(String orgId, UUID deviceId, String actor, String reason) {
        DeviceIdentity device = identities.findInOrg(orgId, deviceId).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.DEVICE_NOT_FOUND, "no enrolled device " + deviceId));
        if (device.isActive()) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            device.status = DeviceIdentity.Status.REVOKED;
            device.revokedAt = now;
            device.revokedBy = actor;
            outbox.record(EventType.DEVICE_REVOKED, orgId, deviceId.toString(),
                    new DeviceRevoked(deviceId.toString(), actor, reason, now.toInstant()));
            notifications.deviceRevoked(deviceId);
        }
        return device;
    }

    private static void refuseUndecided(Enrollment enrollment) {
        if (enrollment.status == Enrollment.Status.PENDING) {
            throw new FleetException(ProvisioningErrorCode.ENROLLMENT_PENDING, "enrollment awaits an operator's approval");
        }
        if (enrollment.status == Enrollment.Status.REJECTED) {
            throw new FleetException(ProvisioningErrorCode.ENROLLMENT_REJECTED, "enrollment was rejected");
        }
    }

    private static PublicKey key(String pem) {
        return KeyCodec.parseDevicePublicKey(pem).orElse(null);
    }

    /** An issued device access token. */
    public record Credential(UUID deviceId, String accessToken, String expiresAt) {
    }
}
