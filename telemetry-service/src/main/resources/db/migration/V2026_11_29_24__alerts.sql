-- Alert rules: one condition kind each, scoped by an optional label selector.
CREATE TABLE alert_rule (
    id               UUID             PRIMARY KEY,
    org_id           TEXT             NOT NULL,
    name             TEXT             NOT NULL,
    kind             TEXT             NOT NULL CHECK (kind IN ('threshold', 'offline', 'command-failure-rate')),
    severity         TEXT             NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
    label_selector   TEXT,
    metric           TEXT,
    operator         TEXT             CHECK (operator IN ('>', '>=', '<', '<=')),
    threshold        DOUBLE PRECISION,
    for_seconds      BIGINT           NOT NULL DEFAULT 0,
    offline_seconds  BIGINT,
    failure_rate     DOUBLE PRECISION,
    window_seconds   BIGINT,
    min_commands     INTEGER,
    created_at       TIMESTAMPTZ      NOT NULL,
    updated_at       TIMESTAMPTZ      NOT NULL,
    version          BIGINT           NOT NULL DEFAULT 0,
    UNIQUE (org_id, name)
);

-- One alert per rule and device while pending or firing (deduplication); resolved ones are history.
CREATE TABLE alert (
    id               UUID             PRIMARY KEY,
    org_id           TEXT             NOT NULL,
    rule_id          UUID             NOT NULL,
    rule_name        TEXT             NOT NULL,
    rule_kind        TEXT             NOT NULL,
    severity         TEXT             NOT NULL,
    device_id        UUID             NOT NULL,
    state            TEXT             NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    pending_since    TIMESTAMPTZ      NOT NULL,
    started_at       TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,
    value            DOUBLE PRECISION,
    summary          TEXT             NOT NULL,
    silenced         BOOLEAN          NOT NULL DEFAULT false,
    notified         BOOLEAN          NOT NULL DEFAULT false,
    acknowledged_by  TEXT,
    acknowledged_at  TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ      NOT NULL,
    version          BIGINT           NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX alert_active ON alert (rule_id, device_id) WHERE state IN ('pending', 'firing');
CREATE INDEX alert_org_state ON alert (org_id, state, id);

-- Silences mute notifications of matching alerts until they end; alerts are still tracked.
CREATE TABLE silence (
    id               UUID             PRIMARY KEY,
    org_id           TEXT             NOT NULL,
    rule_id          UUID,
    device_id        UUID,
    label_selector   TEXT,
    starts_at        TIMESTAMPTZ      NOT NULL,
    ends_at          TIMESTAMPTZ      NOT NULL,
    comment          TEXT,
    created_by       TEXT             NOT NULL,
    created_at       TIMESTAMPTZ      NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX silence_active ON silence (org_id, ends_at);

-- When each device was last heard of (heartbeats, connectivity events), for offline rules.
CREATE TABLE device_presence (
    device_id     UUID        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL
);

-- Finished commands per device, for command failure-rate rules.
CREATE TABLE command_outcome (
    command_id   UUID        PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    device_id    UUID        NOT NULL,
    failed       BOOLEAN     NOT NULL,
    finished_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX command_outcome_device ON command_outcome (org_id, device_id, finished_at);
