package io.edgefleet.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A small, bounded operator load for fault tests: one command request every 250 ms, round robin
 * over the devices, at most {@link #MAX_REQUESTS} and {@link #MAX_TIME}. A request that fails (the
 * service being down) is sent again with the same idempotency key at the next tick, as a careful
 * client would; only accepted requests count. Reused by later system tests.
 */
final class SteadyLoad implements AutoCloseable {

    static final int MAX_REQUESTS = 400;
    static final Duration MAX_TIME = Duration.ofMinutes(6);
    private static final Duration TICK = Duration.ofMillis(250);

    /** The idempotency keys of the accepted requests. */
    record Result(Set<String> accepted) {
    }

    private static volatile Result last;

    private final DevStack stack;
    private final List<String> devices;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Instant deadline = Instant.now().plus(MAX_TIME);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "steady-load"));
    private int next;

    private SteadyLoad(DevStack stack, List<String> devices) {
        this.stack = stack;
        this.devices = devices;
    }

    static SteadyLoad start(DevStack stack, List<String> devices) {
        SteadyLoad load = new SteadyLoad(stack, devices);
        load.ticks.scheduleWithFixedDelay(load::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return load;
    }

    static Result last() {
        return last;
    }

    void awaitMoreAccepted(int more, Duration timeout) {
        int target = accepted.size() + more;
        Awaitility.await("load accepted").atMost(timeout).until(() -> accepted.size() >= target);
    }

    /** Sends request {@code next} (again, if the last attempt failed); moves on once it is accepted. */
    private void tick() {
        if (next >= MAX_REQUESTS || Instant.now().isAfter(deadline)) {
            ticks.shutdown();
            return;
        }
        String key = "fault-" + next;
        if (accepted(key, devices.get(next % devices.size()))) {
            accepted.add(key);
            next++;
        }
    }

    private boolean accepted(String key, String device) {
        try {
            int status = given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken())
                    .contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body("{\"type\":\"collect-diagnostics\",\"payload\":{}}")
                    .when().post("/api/v1/devices/" + device + "/commands").then().extract().statusCode();
            return status == 200 || status == 201;
        } catch (Exception e) {
            // The service is down (RestAssured rethrows ConnectException undeclared): again at the next tick.
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticks.shutdown();
        ticks.awaitTermination(30, TimeUnit.SECONDS);
        last = new Result(Set.copyOf(accepted));
    }
}
