package io.edgefleet.telemetry.alert;

import static io.edgefleet.telemetry.TelemetryApi.sample;

import io.edgefleet.telemetry.TelemetryApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** With evaluation on a schedule (as deployed), a broken rule fires with nobody calling the evaluator. */
@QuarkusTest
@TestProfile(ScheduledEvaluationTest.EverySecond.class)
class ScheduledEvaluationTest {

    /** Evaluates rules every second. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("edgefleet.telemetry.alert-evaluation-interval", "1s");
        }
    }

    @Test
    void theScheduleEvaluatesRules() {
        TelemetryApi api = new TelemetryApi();
        AlertApi alerts = new AlertApi(api);
        String device = UUID.randomUUID().toString();
        alerts.rule(AlertApi.threshold("mem-high", "warning", "node_memory_usage_ratio", ">", 0.9, "0s"));
        api.post(device, List.of(sample("node_memory_usage_ratio", Instant.now(), 0.99)));

        Awaitility.await("fired by the schedule").atMost(Duration.ofSeconds(30))
                .until(() -> alerts.alerts(device, "firing").size() == 1);
    }
}
