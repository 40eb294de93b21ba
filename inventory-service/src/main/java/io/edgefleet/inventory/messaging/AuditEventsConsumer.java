package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.events.audit.AuditRecorded;
import io.edgefleet.inventory.service.AuditLog;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code fleet.audit.events} from every service into the audit log. Idempotent by the event id;
 * an entry off its schema is dead-lettered like any other record.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    static final String CONSUMER = "inventory-service/audit-events";

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public AuditEventsConsumer(EventConsumer consumer, AuditLog log) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(CONSUMER)
                .idempotent(EventType.AUDIT_RECORDED, AuditRecorded.class,
                        (event, entry) -> log.keep(event.id(), event.requireOrg(), entry))
                .build());
    }

    @Incoming("audit-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
