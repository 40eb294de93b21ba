-- The durable per-device command queue and each command's lifecycle.
CREATE TABLE command (
    id                 UUID        PRIMARY KEY,
    seq                BIGSERIAL   NOT NULL UNIQUE,   -- delivery order within a device
    org_id             TEXT        NOT NULL,
    device_id          UUID        NOT NULL REFERENCES device_identity (device_id),
    type               TEXT        NOT NULL,
    payload            JSONB       NOT NULL,
    status             TEXT        NOT NULL,
    idempotency_key    TEXT,
    requested_by       TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    delivered_at       TIMESTAMPTZ,
    acknowledged_at    TIMESTAMPTZ,
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    delivery_attempts  INTEGER     NOT NULL DEFAULT 0,
    result             JSONB,
    failure_reason     TEXT,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT command_idempotency UNIQUE (device_id, idempotency_key)
);

-- What a device still has to receive, in order; and what may expire.
CREATE INDEX command_pending ON command (device_id, seq) WHERE status IN ('QUEUED', 'DELIVERED');
CREATE INDEX command_expiry ON command (expires_at) WHERE status IN ('QUEUED', 'DELIVERED');
CREATE INDEX command_device ON command (org_id, device_id, id);
