-- The newest value of every series, kept at ingest: the latest-values view, the fleet overview
-- and threshold alerts read this small table instead of scanning raw samples.
CREATE TABLE metric_latest (
    org_id     TEXT             NOT NULL,
    device_id  UUID             NOT NULL,
    metric     TEXT             NOT NULL,
    labels     JSONB            NOT NULL DEFAULT '{}'::jsonb,
    ts         TIMESTAMPTZ      NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (device_id, metric, labels)
);

CREATE INDEX metric_latest_metric ON metric_latest (org_id, metric, ts);
