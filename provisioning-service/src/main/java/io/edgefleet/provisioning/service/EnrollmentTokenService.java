package io.edgefleet.provisioning.service;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.Labels;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.provisioning.domain.EnrollmentToken;
import io.edgefleet.provisioning.repository.EnrollmentTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrollment tokens. The secret handed to devices is {@code <token id>.<random>}; only its
 * SHA-256 is stored, so a database leak cannot enroll devices.
 */
@ApplicationScoped
public class EnrollmentTokenService {

    private static final String RESOURCE = "enrollment-token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnrollmentTokenRepository tokens;
    private final ProjectedGroups groups;
    private final Clock clock;
    private final AuditTrail audit;

    public EnrollmentTokenService(EnrollmentTokenRepository tokens, ProjectedGroups groups, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.tokens = tokens;
        this.groups = groups;
        this.clock = clock;
    }

    /** What an operator asks for when creating a token. */
    public record NewToken(String name, OffsetDateTime expiresAt, int maxUses, boolean requiresApproval,
                           String targetGroup, Map<String, String> targetLabels) {
    }

    /** A created token and its secret, which is never shown again. */
    public record CreatedToken(EnrollmentToken token, String secret) {
    }

    @Transactional
    public CreatedToken create(String orgId, String actor, NewToken request) {
        Labels.validate("targetLabels", request.targetLabels());
        if (!request.expiresAt().isAfter(OffsetDateTime.now(clock))) {
            throw FleetException.unprocessable("expiresAt", "must be in the future");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        EnrollmentToken token = new EnrollmentToken();
        token.id = UUID.randomUUID();
        String secret = token.id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        token.orgId = orgId;
        token.name = request.name();
        token.secretHash = hash(secret);
        token.expiresAt = request.expiresAt();
        token.maxUses = request.maxUses();
        token.requiresApproval = request.requiresApproval();
        // By name, as inventory adds enrolled devices to it; an id given here is resolved now.
        token.targetGroup = request.targetGroup() == null || request.targetGroup().isBlank() ? null
                : groups.staticGroupName(orgId, "targetGroup", request.targetGroup().trim());
        token.targetLabels = request.targetLabels() == null ? Map.of() : Map.copyOf(request.targetLabels());
        token.createdAt = OffsetDateTime.now(clock);
        token.createdBy = actor;
        tokens.persist(token);
        audit.record(orgId, "provisioning.enrollment-token.created", RESOURCE, token.id.toString(), null, audited(token));
        return new CreatedToken(token, secret);
    }

    public EnrollmentToken get(String orgId, UUID id) {
        return tokens.findInOrg(orgId, id).orElseThrow(
                () -> new FleetException(ProvisioningErrorCode.ENROLLMENT_TOKEN_NOT_FOUND, "no enrollment token " + id));
    }

    @Transactional
    public EnrollmentToken revoke(String orgId, UUID id) {
        EnrollmentToken token = get(orgId, id);
        if (token.revokedAt == null) {
            Object before = audit.snapshot(audited(token));
            token.revokedAt = OffsetDateTime.now(clock);
            audit.record(orgId, "provisioning.enrollment-token.revoked", RESOURCE, id.toString(), before, audited(token));
        }
        return token;
    }

    /**
     * The token a device presents, locked for this transaction, if the secret is genuine.
     * Unknown and wrong secrets look the same to the caller.
     */
    public Optional<EnrollmentToken> findBySecret(String secret) {
        int dot = secret == null ? -1 : secret.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(secret.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] presented = hash(secret).getBytes(StandardCharsets.US_ASCII);
        return tokens.findForUse(id)
                .filter(t -> MessageDigest.isEqual(presented, t.secretHash.getBytes(StandardCharsets.US_ASCII)));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the audit trail may show of a token: never its secret nor the secret's hash. */
    private static Map<String, Object> audited(EnrollmentToken token) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", token.name);
        fields.put("expiresAt", token.expiresAt);
        fields.put("maxUses", token.maxUses);
        fields.put("requiresApproval", token.requiresApproval);
        fields.put("targetGroup", token.targetGroup);
        fields.put("targetLabels", token.targetLabels);
        fields.put("revokedAt", token.revokedAt);
        return fields;
    }

    /** A page of the organization's enrollment tokens. */
    public List<EnrollmentToken> page(String orgId, Keyset<EnrollmentToken> page) {
        return tokens.page(orgId, page);
    }
}
