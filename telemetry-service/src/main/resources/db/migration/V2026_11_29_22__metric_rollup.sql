-- Downsampled series kept after raw samples expire: 1-minute and 1-hour buckets with
-- min, max, sum and count (avg = sum / count). Fed at ingest from the samples that were new,
-- so a replayed batch changes nothing here either.
CREATE TABLE metric_rollup (
    org_id      TEXT             NOT NULL,
    device_id   UUID             NOT NULL,
    metric      TEXT             NOT NULL,
    labels      JSONB            NOT NULL DEFAULT '{}'::jsonb,
    resolution  TEXT             NOT NULL CHECK (resolution IN ('1m', '1h')),
    bucket      TIMESTAMPTZ      NOT NULL,
    min_value   DOUBLE PRECISION NOT NULL,
    max_value   DOUBLE PRECISION NOT NULL,
    sum_value   DOUBLE PRECISION NOT NULL,
    count       BIGINT           NOT NULL,
    PRIMARY KEY (device_id, metric, labels, resolution, bucket)
);

CREATE INDEX metric_rollup_query ON metric_rollup (device_id, metric, resolution, bucket);
