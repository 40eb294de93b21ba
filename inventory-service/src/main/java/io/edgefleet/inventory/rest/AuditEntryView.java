package io.edgefleet.inventory.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry: who did what to which resource, with what outcome, as part of which request. */
@Schema(name = "AuditEntry")
public record AuditEntryView(String id, Instant at, Actor actor, String action, String resourceType, String resourceId,
                             @Schema(enumeration = {"succeeded", "denied"}) String outcome, String code,
                             List<Change> changes, String requestId, String sourceAddress, String method, String path,
                             String service) {

    /** Who acted. */
    @Schema(name = "AuditActor")
    public record Actor(@Schema(enumeration = {"user", "device", "service", "anonymous"}) String kind, String id) {
    }

    /** A field the action set, with its value before when known (JSON text, shortened). */
    @Schema(name = "AuditChange")
    public record Change(String field, String before, String after) {
    }
}
