package io.edgefleet.telemetry.ingest;

import io.edgefleet.core.error.ErrorCode;

/** telemetry-service's own stable error codes; each ingest limit has its own. */
public enum TelemetryErrorCode implements ErrorCode {

    DEVICE_MISMATCH(403, "A device posts only its own telemetry"),
    BATCH_TOO_LARGE(413, "Too many samples in one batch"),
    TOO_MANY_LABELS(422, "Too many labels on a sample"),
    LABEL_TOO_LONG(422, "Label key or value too long"),
    INVALID_METRIC_NAME(422, "Metric name not valid"),
    TIMESTAMP_OUT_OF_RANGE(422, "Sample timestamp too far in the future or the past"),
    INGEST_UNAVAILABLE(503, "Telemetry cannot be accepted right now"),
    ALERT_RULE_NOT_FOUND(404, "Alert rule not found"),
    ALERT_NOT_FOUND(404, "Alert not found"),
    SILENCE_NOT_FOUND(404, "Silence not found"),
    ALERT_RULE_NAME_TAKEN(409, "An alert rule with this name exists"),
    ALERT_NOT_FIRING(409, "Only a firing alert can be acknowledged");

    private final int status;
    private final String title;

    TelemetryErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
