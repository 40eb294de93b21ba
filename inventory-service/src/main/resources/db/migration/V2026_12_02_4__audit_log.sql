-- The fleet-wide audit log: every audit event of every service (fleet.audit.events), kept for
-- edgefleet.audit.retention and served to admins by GET /api/v1/audit-events. Rows are never
-- updated; the id is the audit event's CloudEvent id, so a redelivery stores nothing twice.
CREATE TABLE audit_entry (
    id              UUID        PRIMARY KEY,
    org_id          TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    actor_kind      TEXT        NOT NULL,
    actor           TEXT,
    action          TEXT        NOT NULL,
    resource_type   TEXT        NOT NULL,
    resource_id     TEXT,
    outcome         TEXT        NOT NULL,
    code            TEXT,
    changes         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    request_id      TEXT,
    source_address  TEXT,
    method          TEXT,
    path            TEXT,
    service         TEXT        NOT NULL
);

CREATE INDEX audit_entry_org_at ON audit_entry (org_id, at DESC, id DESC);
CREATE INDEX audit_entry_resource ON audit_entry (org_id, resource_id, at DESC);
CREATE INDEX audit_entry_actor ON audit_entry (org_id, actor, at DESC);
CREATE INDEX audit_entry_request ON audit_entry (org_id, request_id);
CREATE INDEX audit_entry_retention ON audit_entry (at);
