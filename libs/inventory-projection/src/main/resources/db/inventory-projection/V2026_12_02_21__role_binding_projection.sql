-- Role bindings as inventory publishes them (edgefleet.inventory.role-binding.changed.v1): who holds
-- which role over which devices. Read for every authenticated user request (libs/access).
CREATE TABLE role_binding_projection (
    binding_id         UUID        PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    subject_kind       TEXT        NOT NULL,
    subject            TEXT        NOT NULL,
    role               TEXT        NOT NULL,
    organization_wide  BOOLEAN     NOT NULL,
    group_ids          UUID[]      NOT NULL DEFAULT '{}',
    selector           TEXT,
    changed_at         TIMESTAMPTZ NOT NULL,
    last_event_id      TEXT        NOT NULL,
    projected_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX role_binding_projection_subject ON role_binding_projection (org_id, subject_kind, subject);
