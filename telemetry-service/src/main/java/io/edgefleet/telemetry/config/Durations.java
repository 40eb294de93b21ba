package io.edgefleet.telemetry.config;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as the API writes them: 30s, 5m, 1h, 2d (or ISO-8601). */
public final class Durations {

    private Durations() {
    }

    /** Parses {@code value} of request field {@code field}; a bad one is a 400 naming the field. */
    public static Duration parse(String field, String value) {
        try {
            String text = value.trim().toUpperCase();
            Duration duration = text.startsWith("P") ? Duration.parse(text)
                    : text.endsWith("D") ? Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)))
                    : Duration.parse("PT" + text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new FleetException(CommonErrorCode.VALIDATION_FAILED, field + " must be a duration like 30s, 5m, 1h or 2d");
    }

    /** The shortest way the API writes a duration back. */
    public static String format(long seconds) {
        if (seconds % 86_400 == 0 && seconds > 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0 && seconds > 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
