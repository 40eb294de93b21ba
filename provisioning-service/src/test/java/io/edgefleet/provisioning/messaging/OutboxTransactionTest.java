package io.edgefleet.provisioning.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The outbox writes a transaction's events as it commits, in batches: what a transaction records
 * is published, all of it and in order, only if it commits — also when it records more events than
 * one batch holds, so some were written before the rollback.
 */
@QuarkusTest
class OutboxTransactionTest {

    private static final int EVENTS = 1_200; // more than two batches of the outbox's writes

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsOfACommittedTransactionArePublishedAllAndInOrder() {
        String device = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> recordHeartbeats(device));

        var published = KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, EVENTS, Duration.ofSeconds(60),
                r -> device.equals(r.key()));
        assertEquals(IntStream.range(0, EVENTS).mapToObj(i -> "\"sessionId\":\"s" + i + "\"").toList(),
                published.stream().map(r -> r.value().replaceAll(".*(\"sessionId\":\"[^\"]+\").*", "$1")).toList());
    }

    @Test
    void eventsOfARolledBackTransactionAreNeitherStoredNorPublished() throws Exception {
        String device = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            recordHeartbeats(device);
            throw new IllegalStateException("the change fails after its events were recorded");
        }));
        String committed = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.record(EventType.AGENT_HEARTBEAT, "default", committed,
                new AgentHeartbeat(committed, "1.0.0", "after", Instant.now())));

        KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, 1, Duration.ofSeconds(60), r -> committed.equals(r.key()));
        assertEquals(0, storedFor(device), "rolled back events are not left in the outbox");
        List<?> leaked = KafkaTestClient.readToEnd(Topics.AGENT_REPORTS, Duration.ofSeconds(10)).stream()
                .filter(r -> device.equals(r.key())).toList();
        assertEquals(0, leaked.size(), "no event of the rolled back transaction reached Kafka");
    }

    private void recordHeartbeats(String device) {
        for (int i = 0; i < EVENTS; i++) {
            outbox.record(EventType.AGENT_HEARTBEAT, "default", device,
                    new AgentHeartbeat(device, "1.0.0", "s" + i, Instant.now()));
        }
    }

    private long storedFor(String device) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_key = ?")) {
            count.setString(1, device);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
