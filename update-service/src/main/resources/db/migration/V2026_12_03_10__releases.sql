-- The release catalog: Kubernetes, k3s, OS image and agent releases. Rows of the catalog file
-- have no org_id (every organization sees them, none may change them); an organization adds its own.
CREATE TABLE release (
    id               UUID        PRIMARY KEY,
    org_id           TEXT,
    kind             TEXT        NOT NULL CHECK (kind IN ('kubernetes', 'k3s', 'os-image', 'agent')),
    release_version  TEXT        NOT NULL,
    channel          TEXT        NOT NULL CHECK (channel IN ('stable', 'preview')),
    released_on      DATE        NOT NULL,
    end_of_support   DATE,
    notes            TEXT,
    artifacts        JSONB       NOT NULL DEFAULT '[]'::jsonb,
    created_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0
);

-- One release of a kind and version per organization, and one in the shared catalog.
CREATE UNIQUE INDEX release_identity ON release (COALESCE(org_id, ''), kind, release_version);
