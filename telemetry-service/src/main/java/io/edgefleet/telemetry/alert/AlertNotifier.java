package io.edgefleet.telemetry.alert;

import io.edgefleet.events.EventType;
import io.edgefleet.events.telemetry.AlertNotification;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Alert events on {@code fleet.telemetry.alerts}, recorded in the alert's own transaction. A
 * silenced alert is never announced; an alert never announced is never resolved or acknowledged
 * in public either, so consumers only hear of alerts they were told about.
 */
@ApplicationScoped
public class AlertNotifier {

    private final Outbox outbox;

    public AlertNotifier(Outbox outbox) {
        this.outbox = outbox;
    }

    void firing(Alert alert, Instant now) {
        record(EventType.ALERT_FIRING, alert, now);
        alert.notified = true;
    }

    void resolved(Alert alert, Instant now) {
        if (alert.notified) {
            record(EventType.ALERT_RESOLVED, alert, now);
        }
    }

    void acknowledged(Alert alert, Instant now) {
        if (alert.notified) {
            record(EventType.ALERT_ACKNOWLEDGED, alert, now);
        }
    }

    private void record(EventType type, Alert alert, Instant now) {
        outbox.record(type, alert.orgId, alert.deviceId.toString(), new AlertNotification(alert.id.toString(),
                alert.ruleId.toString(), alert.ruleName, alert.ruleKind, alert.severity, alert.deviceId.toString(),
                alert.deviceName, alert.state, alert.value, alert.summary, instant(alert.startedAt), instant(alert.resolvedAt),
                alert.acknowledgedBy, now));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
