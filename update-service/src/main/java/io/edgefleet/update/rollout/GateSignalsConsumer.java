package io.edgefleet.update.rollout;

import io.edgefleet.events.EventType;
import io.edgefleet.events.policy.ComplianceChanged;
import io.edgefleet.events.telemetry.AlertNotification;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What rollout gates read: compliance from {@code fleet.policy.compliance}, alerts from
 * {@code fleet.telemetry.alerts}. Idempotent without an inbox: each keeps the latest state by
 * its change time, so a repeat or an older event changes nothing.
 */
@ApplicationScoped
public class GateSignalsConsumer {

    private final EventConsumer consumer;
    private final EventRoutes compliance;
    private final EventRoutes alerts;

    public GateSignalsConsumer(EventConsumer consumer, Gates gates) {
        this.consumer = consumer;
        this.compliance = consumer.register(EventRoutes.consumer("update-service/policy-compliance")
                .idempotent(EventType.COMPLIANCE_CHANGED, ComplianceChanged.class, gates::compliance)
                .build());
        this.alerts = consumer.register(EventRoutes.consumer("update-service/telemetry-alerts")
                .idempotent(EventType.ALERT_FIRING, AlertNotification.class, gates::alert)
                .idempotent(EventType.ALERT_RESOLVED, AlertNotification.class, gates::alert)
                .idempotent(EventType.ALERT_ACKNOWLEDGED, AlertNotification.class, gates::alert)
                .build());
    }

    @Incoming("policy-compliance")
    @Blocking
    public void compliance(ConsumerRecord<String, byte[]> record) {
        consumer.consume(compliance, record);
    }

    @Incoming("telemetry-alerts")
    @Blocking
    public void alert(ConsumerRecord<String, byte[]> record) {
        consumer.consume(alerts, record);
    }
}
