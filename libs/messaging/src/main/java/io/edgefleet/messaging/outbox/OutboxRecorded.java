package io.edgefleet.messaging.outbox;

import io.edgefleet.events.EventType;
import java.util.UUID;

/**
 * Fired (synchronously, inside the recording transaction) for every event the outbox records, so
 * what must be written with each change — the audit trail — is written in the same transaction
 * without the recording code knowing of it.
 *
 * @param dataJson the event data as JSON, null for a tombstone
 */
public record OutboxRecorded(EventType type, String orgId, String subject, String dataJson, UUID eventId) {
}
