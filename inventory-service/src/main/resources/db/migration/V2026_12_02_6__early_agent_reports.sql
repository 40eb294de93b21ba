-- An agent reports its cluster as soon as its session opens, which can be before provisioning's
-- device.enrolled reaches inventory. Such a report is kept here (the latest per identity) and
-- applied when the device is linked, instead of being retried until dead-lettered and then
-- missing until the agent's next resync.
CREATE TABLE early_agent_report (
    org_id       TEXT        NOT NULL,
    identity_id  UUID        NOT NULL,
    report       JSONB       NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, identity_id)
);
