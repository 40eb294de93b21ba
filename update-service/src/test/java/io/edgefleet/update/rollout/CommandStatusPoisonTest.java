package io.edgefleet.update.rollout;

import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.PoisonRecords;
import io.edgefleet.update.support.Fleet;
import io.edgefleet.update.support.ProvisioningDouble;
import io.edgefleet.update.support.Rollouts;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** No record on fleet.commands.status can stop update-service's rollout-outcome consumer. */
@QuarkusTest
class CommandStatusPoisonTest {

    @Test
    void noRecordStopsTheConsumer() throws Exception {
        Fleet fleet = new Fleet("org-" + UUID.randomUUID());
        List<Fleet.Machine> machines = List.of(fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")),
                fleet.k3s("v1.30.4+k3s1", Map.of("site", "berlin")));
        fleet.awaitProjected(machines);
        Rollouts rollouts = new Rollouts(fleet.org());
        try (ProvisioningDouble provisioning = new ProvisioningDouble(fleet.org(), request -> null)) {
            String id = rollouts.start(RolloutWavesTest.spec("poison", null));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> provisioning.received().size() == 2);
            ProvisioningDouble.Request first = provisioning.received().get(0);
            ProvisioningDouble.Request second = provisioning.received().get(1);
            String type = EventType.COMMAND_STATUS_CHANGED.wireName();
            PoisonRecords.assertConsumerSurvives(Topics.COMMAND_STATUS, "update-service", type, fleet.org(),
                    succeeded(first.identity(), "update-rollout/never-applied"),
                    new PoisonRecords.Good(first.identity(), succeeded(first.identity(), first.key()),
                            PoisonRecords.headers(type, fleet.org(), first.identity())),
                    new PoisonRecords.Good(second.identity(), succeeded(second.identity(), second.key()),
                            PoisonRecords.headers(type, fleet.org(), second.identity())),
                    () -> rollouts.progress(id).getInt("counts.succeeded") == 2);
        }
    }

    private static String succeeded(String device, String key) {
        return "{\"commandId\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"" + device + "\",\"type\":\"upgrade-kubernetes\","
                + "\"status\":\"succeeded\",\"correlationId\":\"" + key + "\",\"changedAt\":\"2026-12-03T12:00:00Z\"}";
    }
}
