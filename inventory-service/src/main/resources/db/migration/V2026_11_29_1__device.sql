-- Devices as the platform skeleton knows them; the inventory issue extends this model.
CREATE TABLE device (
    id          UUID        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    labels      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT device_name_unique_per_org UNIQUE (org_id, name)
);

-- Keyset pagination walks (org_id, id); label selectors use the GIN index.
CREATE INDEX device_org_id ON device (org_id, id);
CREATE INDEX device_labels ON device USING GIN (labels);
