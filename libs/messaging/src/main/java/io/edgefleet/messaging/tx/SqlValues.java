package io.edgefleet.messaging.tx;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What native queries return for a {@code timestamptz}, whichever type the driver picked, as UTC time. */
public final class SqlValues {

    private SqlValues() {
    }

    public static OffsetDateTime offsetDateTime(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        Instant instant = value instanceof Timestamp ts ? ts.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }
}
