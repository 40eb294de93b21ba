package io.edgefleet.telemetry.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.messaging.tx.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one advisory-lock helper, on the real database: a lock held by one transaction is refused
 * to every other until it ends, and purposes never collide, whatever their keys.
 */
@QuarkusTest
class AdvisoryLocksTest {

    @Inject
    AdvisoryLocks locks;

    @Test
    void aHeldLockIsRefusedToOthersUntilItsTransactionEnds() throws Exception {
        String rule = UUID.randomUUID().toString();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean taken = locks.tryLock(AlertEvaluator.RULE_LOCK, rule);
            held.countDown();
            release.await(30, TimeUnit.SECONDS);
            return taken;
        }));
        assertTrue(held.await(30, TimeUnit.SECONDS));

        assertFalse(tryLock(AlertEvaluator.RULE_LOCK, rule), "another replica must not evaluate the same rule");
        assertTrue(tryLock(AlertEvaluator.RULE_LOCK, UUID.randomUUID().toString()), "other rules are free");
        assertTrue(tryLock("some-other-purpose", rule), "the same key under another purpose is another lock");

        release.countDown();
        assertTrue(holder.get(30, TimeUnit.SECONDS));
        assertTrue(tryLock(AlertEvaluator.RULE_LOCK, rule), "released when the holder's transaction ended");
    }

    private boolean tryLock(String purpose, String key) {
        return QuarkusTransaction.requiringNew().call(() -> locks.tryLock(purpose, key));
    }
}
