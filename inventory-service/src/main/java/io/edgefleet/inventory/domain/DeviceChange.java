package io.edgefleet.inventory.domain;

import java.time.OffsetDateTime;

/** One row of a device's history; {@code changesJson} is {@code {"field": {"from": ..., "to": ...}}}. */
public record DeviceChange(long id, OffsetDateTime at, String actor, String changesJson) {
}
