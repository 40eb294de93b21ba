package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.core.error.FleetException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows open on their schedule in their zone, or in each device's own zone, for their duration. */
class MaintenanceWindowTest {

    @ParameterizedTest(name = "{0} {1} {2}min at {3} (device in {4}): {5}")
    @CsvSource({
            "0 2 * * *, UTC, 120, 2026-12-03T02:00:00Z, , true",
            "0 2 * * *, UTC, 120, 2026-12-03T03:59:00Z, , true",
            "0 2 * * *, UTC, 120, 2026-12-03T04:00:00Z, , false",
            "0 2 * * *, UTC, 120, 2026-12-03T01:59:00Z, , false",
            "0 2 * * *, Europe/Berlin, 60, 2026-12-03T01:30:00Z, , true",
            "0 2 * * *, Europe/Berlin, 60, 2026-12-03T02:30:00Z, , false",
            "0 2 * * *, device, 60, 2026-12-03T01:30:00Z, Europe/Berlin, true",
            "0 2 * * *, device, 60, 2026-12-03T01:30:00Z, America/New_York, false",
            "0 2 * * *, device, 60, 2026-12-03T07:30:00Z, America/New_York, true",
            "0 2 * * *, device, 60, 2026-12-03T02:30:00Z, , true",
            "0 22 * * 1-5, UTC, 240, 2026-12-04T01:00:00Z, , true",
            "0 22 * * 1-5, UTC, 240, 2026-12-06T23:00:00Z, , false"
    })
    void opensOnItsScheduleForItsDuration(String cron, String zone, int minutes, String at, String deviceZone, boolean open) {
        MaintenanceWindow window = MaintenanceWindow.of(new RolloutSpec.Window(cron, minutes, zone));
        assertEquals(open, window.isOpen(Instant.parse(at), deviceZone));
    }

    @ParameterizedTest(name = "refused: {0} / {1} / {2}")
    @CsvSource({"not cron, 60, UTC", "0 2 * * *, 0, UTC", "0 2 * * *, 60, Mars/Olympus", "0 2 * * *, 60, +01:00",
            "0 2 * * *, 20000, UTC", "0 2 * * * * *, 60, UTC"})
    void aMalformedWindowIsRefused(String cron, int minutes, String zone) {
        FleetException refused = assertThrows(FleetException.class,
                () -> MaintenanceWindow.of(new RolloutSpec.Window(cron, minutes, zone)));
        assertEquals(422, refused.errorCode().status());
    }
}
