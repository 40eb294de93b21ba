-- Devices provisioning revoked: their tokens are refused here too, within seconds of the event.
CREATE TABLE revoked_device (
    device_id   UUID        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    revoked_at  TIMESTAMPTZ NOT NULL
);
