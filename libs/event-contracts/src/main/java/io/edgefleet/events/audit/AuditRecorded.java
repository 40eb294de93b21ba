package io.edgefleet.events.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code edgefleet.audit.recorded.v1}: one action in the fleet — who, in which
 * organization, did what to which resource, with what outcome, as part of which request. A change
 * is recorded in the transaction that made it; a refusal (a failed login, a refused device token,
 * a denied action) as it is answered. Never carries a secret. Key and subject = the resource id.
 *
 * @param actor who acted
 * @param action what was done, e.g. {@code inventory.device.updated} or {@code security.access-denied}
 * @param resourceType the kind of resource acted on, e.g. {@code device}
 * @param resourceId its id, or null for an action on no single resource
 * @param outcome {@code succeeded} (a change was made) or {@code denied} (a refusal)
 * @param code the stable error code of a refusal, else null
 * @param changes the fields the action set, with their value before when it is known
 * @param requestId the request's {@code X-Request-Id}, or the id of the event a service acted on
 * @param sourceAddress the caller's address, null for a service
 * @param method HTTP method, null for a service
 * @param path HTTP path, null for a service
 * @param service the service that recorded it
 * @param at when it happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditRecorded(Actor actor, String action, String resourceType, String resourceId, String outcome,
                            String code, List<Change> changes, String requestId, String sourceAddress, String method,
                            String path, String service, Instant at) {

    public static final String SUCCEEDED = "succeeded";
    public static final String DENIED = "denied";

    /**
     * @param kind {@code user}, {@code device}, {@code service} or {@code anonymous}
     * @param id the user's subject, the device id, the service name; null when anonymous
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String kind, String id) {
    }

    /** One field an action set: its value after, and before when known (JSON text, shortened). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, String before, String after) {
    }
}
