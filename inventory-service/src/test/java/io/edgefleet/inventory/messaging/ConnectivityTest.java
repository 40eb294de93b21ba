package io.edgefleet.inventory.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgefleet.events.EventType;
import io.edgefleet.inventory.InventoryApi;
import io.edgefleet.inventory.service.Presence;
import io.edgefleet.testsupport.EventAssertions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Heartbeats make a device connected; silence beyond the limit makes it offline. */
@QuarkusTest
class ConnectivityTest {

    @Inject
    Presence presence;

    @Test
    void heartbeatsConnectAndSilenceDisconnects() {
        InventoryApi api = new InventoryApi();
        String identity = UUID.randomUUID().toString();
        Events.publish(EventType.DEVICE_ENROLLED, api.org(), identity, ProvisioningEventsTest.enrolled(identity, "edge-hb-01"));
        ProvisioningEventsTest.awaitDevice(api, identity);
        assertEquals("never-connected", connectivity(api, identity), "not heard from yet is not an outage");

        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            Events.publish(EventType.AGENT_HEARTBEAT, api.org(), identity, "{\"deviceId\":\"" + identity
                    + "\",\"receivedAt\":\"" + now.minusSeconds(5 - i) + "\"}");
        }
        Awaitility.await("connected").atMost(Duration.ofSeconds(30)).until(() -> "connected".equals(connectivity(api, identity)));
        var connected = EventAssertions.awaitEvent(EventType.DEVICE_CONNECTIVITY_CHANGED, identity, api.org());
        assertEquals("connected", connected.path("connectivity").asText());
        assertEquals("never-connected", connected.path("previous").asText());

        presence.markSilentOffline(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(4));
        assertEquals("connected", connectivity(api, identity), "4 minutes of silence is within the limit");
        presence.markSilentOffline(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6));
        assertEquals("offline", connectivity(api, identity));
    }

    private static String connectivity(InventoryApi api, String id) {
        return api.as("fleet-viewer").when().get("/api/v1/devices/" + id).then().extract().path("connectivity");
    }
}
