package io.edgefleet.messaging.cloudevents;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event as EdgeFleet reads and writes it: required attributes, the
 * {@code orgid} extension, and JSON data kept as text so it is published byte for byte.
 */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time,
                         String orgId, String dataJson) {
}
