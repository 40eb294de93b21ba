package io.edgefleet.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;

/**
 * A small, bounded operator load for fault tests: one command every 250 ms, round robin over the
 * devices, at most {@link #MAX_REQUESTS} and {@link #MAX_TIME}. A request that fails (the service
 * being down) is retried with the same idempotency key until it is accepted, as a careful client
 * would; only accepted requests count. Reused by later system tests.
 */
final class SteadyLoad implements AutoCloseable {

    static final int MAX_REQUESTS = 400;
    static final Duration MAX_TIME = Duration.ofMinutes(6);

    /** The idempotency keys of the accepted requests. */
    record Result(Set<String> accepted) {
    }

    private static volatile Result last;

    private final DevStack stack;
    private final List<String> devices;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private SteadyLoad(DevStack stack, List<String> devices) {
        this.stack = stack;
        this.devices = devices;
        this.thread = new Thread(this::run, "steady-load");
    }

    static SteadyLoad start(DevStack stack, List<String> devices) {
        SteadyLoad load = new SteadyLoad(stack, devices);
        load.thread.start();
        return load;
    }

    static Result last() {
        return last;
    }

    void awaitMoreAccepted(int more, Duration timeout) {
        int target = accepted.size() + more;
        Awaitility.await("load accepted").atMost(timeout).until(() -> accepted.size() >= target);
    }

    private void run() {
        Instant deadline = Instant.now().plus(MAX_TIME);
        for (int n = 0; n < MAX_REQUESTS && running.get() && Instant.now().isBefore(deadline); n++) {
            String key = "fault-" + n;
            String device = devices.get(n % devices.size());
            while (running.get() && Instant.now().isBefore(deadline) && !accepted.contains(key)) {
                try {
                    int status = given().baseUri(stack.serviceUrl(2)).auth().oauth2(stack.adminToken())
                            .contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body("{\"type\":\"collect-diagnostics\",\"payload\":{}}")
                            .when().post("/api/v1/devices/" + device + "/commands").then().extract().statusCode();
                    if (status == 200 || status == 201) {
                        accepted.add(key);
                    } else {
                        pause(500);
                    }
                } catch (Exception e) {
                    // The service is down (RestAssured rethrows ConnectException undeclared): the same request shortly.
                    pause(500);
                }
            }
            pause(250);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
        last = new Result(Set.copyOf(accepted));
    }
}
