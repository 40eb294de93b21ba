package io.edgefleet.update.rollout;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.time.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A recurring maintenance window: opens on a cron schedule (5 fields, read by cron-utils) in a time
 * zone and stays open for a duration. With zone {@code device}, each device's window is read in
 * its own time zone ("02:00 at every site"), UTC for a device that reported none.
 */
public final class MaintenanceWindow {

    public static final String DEVICE_ZONE = "device";
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final int LONGEST_MINUTES = 7 * 24 * 60;

    private final ExecutionTime schedule;
    private final Duration open;
    private final String zone;

    private MaintenanceWindow(Cron cron, Duration open, String zone) {
        this.schedule = ExecutionTime.forCron(cron);
        this.open = open;
        this.zone = zone;
    }

    /** The window of a spec, or a 422 naming the field that is wrong. */
    public static MaintenanceWindow of(RolloutSpec.Window spec) {
        Cron cron;
        try {
            cron = PARSER.parse(spec.schedule() == null ? "" : spec.schedule()).validate();
        } catch (IllegalArgumentException e) {
            throw FleetException.unprocessable("spec.window.schedule", "a 5-field cron expression such as '0 2 * * *'");
        }
        if (spec.durationMinutes() == null || spec.durationMinutes() < 1 || spec.durationMinutes() > LONGEST_MINUTES) {
            throw FleetException.unprocessable("spec.window.durationMinutes", "1 to " + LONGEST_MINUTES);
        }
        String zone = spec.timeZone() == null ? "UTC" : spec.timeZone();
        if (!DEVICE_ZONE.equals(zone) && !TimeZones.isIana(zone)) {
            throw FleetException.unprocessable("spec.window.timeZone", "an IANA time zone such as Europe/Berlin, or device");
        }
        return new MaintenanceWindow(cron, Duration.ofMinutes(spec.durationMinutes()), zone);
    }

    private static Optional<ZoneId> zoneOf(String name) {
        return TimeZones.isIana(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /** Whether the window is open at {@code now} for a device in {@code deviceZone} (null: unknown). */
    public boolean isOpen(Instant now, String deviceZone) {
        ZoneId in = DEVICE_ZONE.equals(zone) ? zoneOf(deviceZone).orElse(ZoneOffset.UTC) : ZoneId.of(zone);
        ZonedDateTime local = now.atZone(in);
        ZonedDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
        if (schedule.isMatch(minute)) {
            return true;
        }
        return schedule.lastExecution(local).map(opened -> local.isBefore(opened.plus(open))).orElse(false);
    }
}
