-- Dead letters and parked events (libs/messaging): what a consumer could not apply and what
-- the outbox relay could not publish, kept so an admin can inspect and replay them.

CREATE TABLE dead_letter (
    id               UUID        PRIMARY KEY,
    consumer         TEXT        NOT NULL,
    topic            TEXT        NOT NULL,
    record_partition INT         NOT NULL,
    record_offset    BIGINT      NOT NULL,
    org_id           TEXT,                        -- from ce_orgid when the record had one
    record_key       TEXT,
    record_value     BYTEA,                       -- exactly as consumed
    headers          JSONB       NOT NULL,        -- [{"name":..,"value":base64}], in record order
    error_code       TEXT        NOT NULL,
    reason           TEXT        NOT NULL,
    dead_lettered_at TIMESTAMPTZ NOT NULL,
    replayed_at      TIMESTAMPTZ,
    replayed_by      TEXT,
    replay_outcome   TEXT,
    UNIQUE (consumer, topic, record_partition, record_offset)
);

CREATE INDEX dead_letter_listing ON dead_letter (dead_lettered_at DESC, id);

CREATE TABLE parked_event (
    id           UUID        PRIMARY KEY,        -- the CloudEvent id
    org_id       TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    data         TEXT        NOT NULL,
    error        TEXT        NOT NULL,
    parked_at    TIMESTAMPTZ NOT NULL,
    replayed_at  TIMESTAMPTZ,
    replayed_by  TEXT
);

CREATE INDEX parked_event_listing ON parked_event (parked_at DESC, id);
