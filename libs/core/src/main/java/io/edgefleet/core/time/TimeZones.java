package io.edgefleet.core.time;

import io.edgefleet.core.error.FleetException;
import java.time.ZoneId;
import java.util.Set;

/**
 * IANA time zone names ({@code Europe/Berlin}, {@code UTC}), the one rule for a device's time zone
 * and a maintenance window's: a name of the tz database as Java knows it, not an offset
 * ({@code +01:00}) or an abbreviation ({@code CET+1}), which do not follow daylight saving.
 */
public final class TimeZones {

    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

    private TimeZones() {
    }

    public static boolean isIana(String name) {
        return name != null && IANA.contains(name);
    }

    /** {@code name} itself when it is an IANA zone, else a 422 on {@code field}. */
    public static String requireIana(String field, String name) {
        if (!isIana(name)) {
            throw FleetException.unprocessable(field, "an IANA time zone such as Europe/Berlin");
        }
        return name;
    }
}
