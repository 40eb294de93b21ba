package io.edgefleet.messaging.cloudevents;

import static io.edgefleet.messaging.cloudevents.PoisonEventException.INVALID_CLOUD_EVENT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CloudEvents {@code time} attribute is an RFC 3339 timestamp. Java's ISO parser also
 * accepts times without seconds and its {@code toString()} drops zero seconds, neither of
 * which RFC 3339 allows: both directions go through here.
 */
public final class EventTime {

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private EventTime() {
    }

    /** Always with seconds and microseconds, in UTC: {@code 2026-12-01T21:41:00.000000Z}. */
    public static String format(OffsetDateTime time) {
        return FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** {@code null} stays {@code null} (time is optional); anything but RFC 3339 is poison. */
    static OffsetDateTime parse(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 40 || !RFC_3339.matcher(value).matches()) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "CloudEvent time '" + Attributes.shorten(value)
                    + "' is not RFC 3339");
        }
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "CloudEvent time '" + value + "' is not a valid time");
        }
    }
}
