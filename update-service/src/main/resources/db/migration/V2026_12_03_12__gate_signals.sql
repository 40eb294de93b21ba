-- What rollout gates read: each device's compliance with each policy assignment (from
-- fleet.policy.compliance) and the alerts firing on devices (from fleet.telemetry.alerts), as the
-- latest state per key (an older event never overwrites a newer one).
CREATE TABLE gate_compliance (
    org_id           TEXT        NOT NULL,
    device_id        UUID        NOT NULL,
    assignment_name  TEXT        NOT NULL,
    state            TEXT        NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, device_id, assignment_name)
);

-- device_id is provisioning's id, as telemetry keys alerts.
CREATE TABLE gate_alert (
    alert_id    UUID        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    device_id   UUID        NOT NULL,
    severity    TEXT        NOT NULL,
    state       TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX gate_alert_firing ON gate_alert (org_id, device_id) WHERE state = 'firing';
