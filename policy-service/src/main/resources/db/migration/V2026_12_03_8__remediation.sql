-- What a remediate assignment sends a non-compliant device: one command type and payload.
ALTER TABLE policy_assignment ADD COLUMN remediation_type TEXT;
ALTER TABLE policy_assignment ADD COLUMN remediation_payload JSONB;

-- One remediation per non-compliant device and remediate assignment: the command requested for
-- it (by its idempotency key, which is also the correlation id its status events carry), its
-- outcome, and the retry it waits for. Deleted once the device is compliant again, so a device
-- that stays non-compliant after a successful remedy is not commanded again and again.
CREATE TABLE remediation (
    assignment_id    UUID        NOT NULL REFERENCES policy_assignment (id) ON DELETE CASCADE,
    device_id        UUID        NOT NULL,
    org_id           TEXT        NOT NULL,
    target_id        UUID        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('requested', 'succeeded', 'retrying', 'given-up')),
    attempts         INT         NOT NULL,
    request_key      TEXT        NOT NULL,
    command_id       UUID,
    last_error       TEXT,
    next_attempt_at  TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assignment_id, device_id)
);

CREATE UNIQUE INDEX remediation_request ON remediation (request_key);
CREATE INDEX remediation_retry ON remediation (next_attempt_at) WHERE state = 'retrying';
