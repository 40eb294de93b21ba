package io.edgefleet.provisioning.service;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.events.EventType;
import io.edgefleet.events.provisioning.DeviceEnrolled;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.events.provisioning.EnrollmentApproved;
import io.edgefleet.events.provisioning.EnrollmentRejected;
import io.edgefleet.events.provisioning.EnrollmentRequested;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.domain.Enrollment;
import io.edgefleet.provisioning.domain.EnrollmentToken;
import io.edgefleet.provisioning.repository.DeviceIdentityRepository;
import io.edgefleet.provisioning.repository.EnrollmentRepository;
import io.edgefleet.provisioning.security.KeyCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agents enroll with a token; operators approve or reject pending enrollments. */
@ApplicationScoped
public class EnrollmentService {

    static final String AUTO_APPROVAL = "auto";

    private final EnrollmentTokenService tokens;
    private final EnrollmentRepository enrollments;
    private final DeviceIdentityRepository identities;
    private final Outbox outbox;
    private final Clock clock;

    public EnrollmentService(EnrollmentTokenService tokens, EnrollmentRepository enrollments,
                             DeviceIdentityRepository identities, Outbox outbox, Clock clock) {
        this.tokens = tokens;
        this.enrollments = enrollments;
        this.identities = identities;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Spends one use of the token; the result is approved at once unless the token asks for approval. */
    @Transactional
    public Enrollment enroll(String tokenSecret, DeviceFacts facts, String publicKeyPem) {
        PublicKey key = KeyCodec.parseDevicePublicKey(publicKeyPem).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.INVALID_PUBLIC_KEY, "publicKey must be an SPKI PEM RSA (>= 2048 bit) or EC (>= P-256) key"));
        EnrollmentToken token = tokens.findBySecret(tokenSecret).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.ENROLLMENT_TOKEN_INVALID, "the enrollment token is not valid"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        refuseUnusable(token, now);
        token.uses++;
        Enrollment enrollment = newEnrollment(token, facts, publicKeyPem, now);
        enrollments.persist(enrollment);
        outbox.record(EventType.ENROLLMENT_REQUESTED, token.orgId, enrollment.id.toString(), new EnrollmentRequested(
                enrollment.id.toString(), token.id.toString(), facts.hostname(), token.requiresApproval, now.toInstant()));
        if (!token.requiresApproval) {
            approve(enrollment, token, AUTO_APPROVAL, key);
        }
        return enrollment;
    }

    @Transactional
    public Enrollment approve(String orgId, UUID enrollmentId, String actor) {
        Enrollment enrollment = pending(orgId, enrollmentId);
        EnrollmentToken token = tokens.get(orgId, enrollment.tokenId);
        approve(enrollment, token, actor, KeyCodec.parseDevicePublicKey(enrollment.publicKey).orElseThrow());
        return enrollment;
    }

    @Transactional
    public Enrollment reject(String orgId, UUID enrollmentId, String actor, String reason) {
        Enrollment enrollment = pending(orgId, enrollmentId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        enrollment.reject(actor, reason, now);
        outbox.record(EventType.ENROLLMENT_REJECTED, orgId, enrollment.id.toString(),
                new EnrollmentRejected(enrollment.id.toString(), actor, reason, now.toInstant()));
        return enrollment;
    }

    public Enrollment get(String orgId, UUID enrollmentId) {
        return enrollments.findInOrg(orgId, enrollmentId).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.ENROLLMENT_NOT_FOUND, "no enrollment " + enrollmentId));
    }

    private void approve(Enrollment enrollment, EnrollmentToken token, String actor, PublicKey key) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        enrollment.approve(UUID.randomUUID(), actor, now);
        DeviceIdentity identity = new DeviceIdentity();
        identity.deviceId = enrollment.deviceId;
        identity.orgId = enrollment.orgId;
        identity.enrollmentId = enrollment.id;
        identity.publicKey = enrollment.publicKey;
        identity.keyFingerprint = KeyCodec.fingerprint(key);
        identity.status = DeviceIdentity.Status.ACTIVE;
        identity.enrolledAt = now;
        identities.persist(identity);
        String deviceId = identity.deviceId.toString();
        outbox.record(EventType.ENROLLMENT_APPROVED, enrollment.orgId, enrollment.id.toString(),
                new EnrollmentApproved(enrollment.id.toString(), deviceId, actor, now.toInstant()));
        outbox.record(EventType.DEVICE_ENROLLED, enrollment.orgId, deviceId, new DeviceEnrolled(deviceId,
                enrollment.id.toString(), enrollment.facts, token.targetLabels, token.targetGroup, now.toInstant()));
    }

    private Enrollment pending(String orgId, UUID enrollmentId) {
        Enrollment enrollment = get(orgId, enrollmentId);
        if (enrollment.status != Enrollment.Status.PENDING) {
            throw new FleetException(ProvisioningErrorCode.ENROLLMENT_ALREADY_DECIDED,
                    "enrollment " + enrollmentId + " is already " + enrollment.status.name().toLowerCase());
        }
        return enrollment;
    }

    private static void refuseUnusable(EnrollmentToken token, OffsetDateTime now) {
        EnrollmentToken.TokenRefusal refusal = token.refusalAt(now);
        if (refusal != null) {
            throw switch (refusal) {
                case REVOKED -> new FleetException(ProvisioningErrorCode.ENROLLMENT_TOKEN_REVOKED, "the enrollment token was revoked");
                case EXPIRED -> new FleetException(ProvisioningErrorCode.ENROLLMENT_TOKEN_EXPIRED, "the enrollment token expired at " + token.expiresAt);
                case USED_UP -> new FleetException(ProvisioningErrorCode.ENROLLMENT_TOKEN_USED_UP, "the enrollment token has been used " + token.maxUses + " time(s)");
            };
        }
    }

    private static Enrollment newEnrollment(EnrollmentToken token, DeviceFacts facts, String publicKeyPem, OffsetDateTime now) {
        Enrollment enrollment = new Enrollment();
        enrollment.id = UUID.randomUUID();
        enrollment.orgId = token.orgId;
        enrollment.tokenId = token.id;
        enrollment.status = Enrollment.Status.PENDING;
        enrollment.hostname = facts.hostname();
        enrollment.facts = facts;
        enrollment.publicKey = publicKeyPem;
        enrollment.requestedAt = now;
        return enrollment;
    }

    /** A page of the organization's enrollments. */
    public List<Enrollment> page(String orgId, Optional<Enrollment.Status> status, Keyset<Enrollment> page) {
        return enrollments.page(orgId, status, page);
    }
}
