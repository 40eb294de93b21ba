-- This service's projection of inventory devices (libs/inventory-projection), fed by
-- fleet.inventory.events. Never written by REST calls of this service.
CREATE TABLE device_projection (
    device_id      UUID        PRIMARY KEY,
    org_id         TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    labels         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    registered_at  TIMESTAMPTZ NOT NULL,
    last_event_id  TEXT        NOT NULL,
    projected_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX device_projection_org ON device_projection (org_id, device_id);
CREATE INDEX device_projection_labels ON device_projection USING GIN (labels);
