-- Raw samples, partitioned by day so that retention drops whole partitions.
-- (batch_id, idx, ts) makes a replayed batch a no-op: the same samples, the same keys.
CREATE TABLE metric_sample (
    org_id     TEXT             NOT NULL,
    device_id  UUID             NOT NULL,
    metric     TEXT             NOT NULL,
    labels     JSONB            NOT NULL DEFAULT '{}'::jsonb,
    ts         TIMESTAMPTZ      NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    batch_id   UUID             NOT NULL,
    idx        INTEGER          NOT NULL,
    PRIMARY KEY (batch_id, idx, ts)
) PARTITION BY RANGE (ts);

CREATE INDEX metric_sample_series ON metric_sample (device_id, metric, ts);
