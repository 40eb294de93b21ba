-- Scoped roles: who (a user's subject or a group claim) holds which role over which devices.
-- No groups and no selector: the whole organization. Published on fleet.inventory.events
-- (edgefleet.inventory.role-binding.changed.v1) and enforced by every service from its projection.
CREATE TABLE role_binding (
    id             UUID        PRIMARY KEY,
    org_id         TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    labels         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    subject_kind   TEXT        NOT NULL CHECK (subject_kind IN ('user', 'group')),
    subject        TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    group_ids      UUID[]      NOT NULL DEFAULT '{}',
    selector       TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (org_id, name)
);
