package io.edgefleet.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void brokerKeepsTopicsAcrossRestartOnTheSamePort(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = new KafkaBroker(dir, Ports.free()).start()) {
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("restart-check", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            broker.stop();
            assertFalse(broker.isRunning());

            broker.start();
            try (Admin admin = admin(broker)) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(topics.contains("restart-check"), "topics after restart: " + topics);
                int partitions = admin.describeTopics(List.of("restart-check")).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get("restart-check").partitions().size();
                assertEquals(2, partitions);
            }
        }
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
