-- The device's whole state as inventory last published it (edgefleet.inventory.device.state.v1)
-- and its cluster's (edgefleet.inventory.cluster.changed.v1): the device document policy rules
-- read (libs/policy-engine), the same in every service that judges them. A row projected before
-- this column existed has no state until inventory publishes the device again.
ALTER TABLE device_projection ADD COLUMN state JSONB;

CREATE TABLE cluster_projection (
    cluster_id     UUID        PRIMARY KEY,
    org_id         TEXT        NOT NULL,
    state          JSONB       NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL,
    last_event_id  TEXT        NOT NULL,
    projected_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX cluster_projection_org ON cluster_projection (org_id, cluster_id);
