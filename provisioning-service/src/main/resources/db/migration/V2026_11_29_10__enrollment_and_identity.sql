-- Enrollment tokens, enrollments, device identities and the keys that sign device tokens.

CREATE TABLE enrollment_token (
    id                 UUID        PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    secret_hash        TEXT        NOT NULL,          -- SHA-256 of the secret; the secret itself is never stored
    expires_at         TIMESTAMPTZ NOT NULL,
    max_uses           INTEGER     NOT NULL CHECK (max_uses > 0),
    uses               INTEGER     NOT NULL DEFAULT 0,
    requires_approval  BOOLEAN     NOT NULL,
    target_group       TEXT,
    target_labels      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    revoked_at         TIMESTAMPTZ,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX enrollment_token_org ON enrollment_token (org_id, id);

CREATE TABLE enrollment (
    id            UUID        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    token_id      UUID        NOT NULL REFERENCES enrollment_token (id),
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    hostname      TEXT        NOT NULL,
    facts         JSONB       NOT NULL,
    public_key    TEXT        NOT NULL,
    device_id     UUID,
    requested_at  TIMESTAMPTZ NOT NULL,
    decided_at    TIMESTAMPTZ,
    decided_by    TEXT,
    reject_reason TEXT,
    version       BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX enrollment_org ON enrollment (org_id, id);

CREATE TABLE device_identity (
    device_id        UUID        PRIMARY KEY,
    org_id           TEXT        NOT NULL,
    enrollment_id    UUID        NOT NULL REFERENCES enrollment (id),
    public_key       TEXT        NOT NULL,
    key_fingerprint  TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    enrolled_at      TIMESTAMPTZ NOT NULL,
    rotated_at       TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ,
    revoked_by       TEXT,
    last_seen_at     TIMESTAMPTZ,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX device_identity_org ON device_identity (org_id, device_id);

-- Keys that sign device access tokens; shared by all replicas, published as JWKS.
CREATE TABLE signing_key (
    kid          TEXT        PRIMARY KEY,
    private_key  TEXT        NOT NULL,
    public_key   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    retired_at   TIMESTAMPTZ
);
