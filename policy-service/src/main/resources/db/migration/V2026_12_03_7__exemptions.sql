-- An exemption takes a device, or a group's devices, out of one assignment until it expires:
-- their compliance is `exempt` with the reason. `lapsed` marks an expired one whose assignment
-- was already sent back for re-evaluation.
CREATE TABLE policy_exemption (
    id              UUID        PRIMARY KEY,
    org_id          TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    assignment_id   UUID        NOT NULL REFERENCES policy_assignment (id) ON DELETE CASCADE,
    device_id       UUID,
    group_id        UUID,
    reason          TEXT        NOT NULL CHECK (reason IN ('waiver', 'mitigated')),
    description     TEXT,
    expires_at      TIMESTAMPTZ NOT NULL,
    lapsed          BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    CHECK ((device_id IS NULL) <> (group_id IS NULL))
);

CREATE UNIQUE INDEX policy_exemption_name ON policy_exemption (org_id, name);
CREATE INDEX policy_exemption_assignment ON policy_exemption (assignment_id);
CREATE INDEX policy_exemption_expiry ON policy_exemption (expires_at) WHERE NOT lapsed;
