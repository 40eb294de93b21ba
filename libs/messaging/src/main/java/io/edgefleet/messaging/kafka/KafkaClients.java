package io.edgefleet.messaging.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings for a Kafka client of our own (the event producer, an admin client) taken from the
 * same {@code kafka.*} configuration as the connector's channels (Quarkus' {@code
 * default-kafka-broker} map), so TLS, SASL and every other setting of a production cluster reach
 * it. Keeps only what the client knows, so it logs no unknown-config warnings.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** {@code known}: the client's config names, e.g. {@code ProducerConfig.configNames()}. */
    public static Map<String, Object> settings(Map<String, Object> kafkaConfig, Set<String> known, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        settings.putIfAbsent("client.id", clientId);
        return settings;
    }
}
