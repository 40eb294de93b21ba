package io.edgefleet.provisioning.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.events.agent.AgentHeartbeat;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.messaging.tx.SharedTransactions;
import io.edgefleet.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Work submitted together shares a transaction; one failing unit fails only itself. */
@QuarkusTest
class SharedTransactionsTest {

    private static final int CALLERS = 40;
    private static final int FAILING = 7;

    @Inject
    SharedTransactions shared;

    @Inject
    Outbox outbox;

    @Test
    void concurrentCallersAreEachAnsweredAndOnlyTheFailingOneFails() {
        String device = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                String session = "s" + i;
                boolean fails = i == FAILING;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return shared.call(() -> {
                        outbox.record(EventType.AGENT_HEARTBEAT, "default", device,
                                new AgentHeartbeat(device, "1.0.0", session, Instant.now()));
                        if (fails) {
                            throw new IllegalArgumentException("this unit cannot be applied");
                        }
                        return session;
                    });
                }, callers));
            }
            start.countDown();
            for (int i = 0; i < CALLERS; i++) {
                if (i == FAILING) {
                    CompletionException failure = assertThrows(CompletionException.class,
                            answers.get(i)::join);
                    assertInstanceOf(IllegalArgumentException.class, failure.getCause());
                } else {
                    assertEquals("s" + i, answers.get(i).join());
                }
            }
        } finally {
            callers.shutdownNow();
        }
        var published = KafkaTestClient.awaitRecords(Topics.AGENT_REPORTS, CALLERS - 1, Duration.ofSeconds(60),
                r -> device.equals(r.key()));
        Set<String> sessions = published.stream().map(r -> r.value().replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toSet());
        assertEquals(CALLERS - 1, published.size(), "each committed unit's event once, the failed unit's not at all");
        assertFalse(sessions.contains("s" + FAILING));
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
