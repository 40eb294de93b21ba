package io.edgefleet.admission;

import io.edgefleet.events.EventType;
import io.edgefleet.events.policy.DenyRule;
import io.edgefleet.messaging.consumer.EventConsumer;
import io.edgefleet.messaging.consumer.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of the deny rules from the compacted {@code fleet.policy.rules}: the
 * whole set is rebuilt from it on a new service or a restored database; a rule older than the
 * stored one changes nothing, so no inbox is needed.
 */
@ApplicationScoped
public class DenyRulesConsumer {

    private final EventConsumer consumer;
    private final EventRoutes routes;

    public DenyRulesConsumer(EventConsumer consumer, DenyRuleStore store,
                             @ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumer = consumer;
        this.routes = consumer.register(EventRoutes.consumer(service + "/policy-rules")
                .idempotent(EventType.DENY_RULE, DenyRule.class, store::upsert)
                .tombstones(EventType.DENY_RULE, store::delete)
                .build());
    }

    @Incoming("policy-rules")
    @Blocking
    public void rule(ConsumerRecord<String, byte[]> record) {
        consumer.consume(routes, record);
    }
}
