-- Transactional outbox and idempotent inbox, shared by every service (libs/messaging).
-- Versions are dates so that library and service migrations interleave in one history.

CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,          -- publish order
    id           UUID        NOT NULL UNIQUE,    -- CloudEvent id
    org_id       TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,           -- Kafka key: device or cluster id
    type         TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    data         TEXT        NOT NULL            -- JSON exactly as published
);

CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
