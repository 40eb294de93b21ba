-- Provisioning's id of an enrolled device: telemetry, commands and agent reports are keyed by it,
-- and it differs from the inventory id when enrollment linked a pre-registered device.
ALTER TABLE device_projection ADD COLUMN identity_id UUID;
CREATE UNIQUE INDEX device_projection_identity ON device_projection (identity_id) WHERE identity_id IS NOT NULL;

-- Device groups as inventory publishes them: static members or a dynamic label selector.
CREATE TABLE group_projection (
    group_id       UUID        PRIMARY KEY,
    org_id         TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('static', 'dynamic')),
    selector       TEXT,
    members        UUID[]      NOT NULL DEFAULT '{}',
    last_event_id  TEXT        NOT NULL,
    projected_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX group_projection_name ON group_projection (org_id, name);
