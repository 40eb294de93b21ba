package io.edgefleet.messaging.cloudevents;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event as EdgeFleet reads and writes it: required attributes, the
 * {@code orgid} extension, and JSON data kept as text so it is published byte for byte.
 */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time,
                         String orgId, String dataJson) {

    /** The owning organization; an event without one cannot be applied to tenant data (poison). */
    public String requireOrg() {
        if (orgId == null || orgId.isBlank()) {
            throw new PoisonEventException(type + " carries no orgid");
        }
        return orgId;
    }

    /** A Kafka tombstone (null value) of a compacted topic: the subject's record is deleted. */
    public boolean isTombstone() {
        return dataJson == null;
    }
}
