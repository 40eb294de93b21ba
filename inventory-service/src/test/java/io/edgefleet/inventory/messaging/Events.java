package io.edgefleet.inventory.messaging;

import io.edgefleet.events.EventType;
import io.edgefleet.testsupport.KafkaTestClient;
import java.util.Map;
import java.util.UUID;

/** Publishes CloudEvents (binary mode) as provisioning or another system would. */
final class Events {

    private Events() {
    }

    static String publish(EventType type, String org, String key, String data) {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.publish(type.topic(), key, data, Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_source", "/test", "ce_type", type.wireName(), "ce_subject", key, "ce_orgid", org,
                "content-type", "application/json"));
        return id;
    }
}
