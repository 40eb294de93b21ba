package io.edgefleet.inventory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.inventory.InventoryApi;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;

/** Two writers holding the same version: exactly one wins, the other is told to re-read. */
@QuarkusTest
class ConcurrencyTest {

    @RepeatedTest(3)
    void concurrentPatchesWithTheSameVersionLetOneWin() throws Exception {
        InventoryApi api = new InventoryApi();
        String id = api.device("edge-race", Map.of());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> writers = List.of("a", "b").stream().map(v -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return api.operator().header("If-Match", "\"0\"").body(Map.of("labels", Map.of("writer", v)))
                    .when().patch("/api/v1/devices/" + id).then().extract().statusCode();
        })).toList();
        start.countDown();
        List<Integer> statuses = writers.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(200, statuses.get(0));
        assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, "loser got " + statuses.get(1));
        api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then().header("ETag", "\"1\"");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
