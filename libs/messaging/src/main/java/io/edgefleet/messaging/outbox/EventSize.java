package io.edgefleet.messaging.outbox;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.events.EventType;
import java.nio.charset.StandardCharsets;

/**
 * The last check before an event is written: data over {@link Limits#EVENT_DATA_BYTES} is
 * refused (413, rolling back the change it would announce) instead of being stored and then
 * refused by Kafka. Validation at the door keeps every valid request far below it.
 */
final class EventSize {

    private EventSize() {
    }

    static String bounded(EventType type, String dataJson) {
        int bytes = dataJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.EVENT_DATA_BYTES) {
            throw new FleetException(CommonErrorCode.BODY_TOO_LARGE, "the change would publish a " + type.wireName()
                    + " event of " + bytes + " bytes; events are limited to " + Limits.EVENT_DATA_BYTES);
        }
        return dataJson;
    }
}
