package io.edgefleet.messaging.cloudevents;

import static io.edgefleet.messaging.cloudevents.PoisonEventException.INVALID_CLOUD_EVENT;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.text.Excerpt;

/**
 * Bounds on CloudEvent attributes as EdgeFleet reads them. The spec leaves their length open;
 * ids, sources and types go into inbox rows, logs and dead-letter reasons, so a reader bounds
 * them rather than trusting the producer.
 */
final class Attributes {

    /** Longest attribute value accepted (ids, types, sources, subjects, organization). */
    static final int MAX_LENGTH = Limits.EVENT_ATTRIBUTE;
    /** Longest excerpt of untrusted text quoted in a reason. */
    private static final int EXCERPT = 80;

    private Attributes() {
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "CloudEvent lacks required attribute '" + name + "'");
        }
        return optional(name, value);
    }

    static String optional(String name, String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "CloudEvent attribute '" + name + "' is longer than "
                    + MAX_LENGTH + " characters");
        }
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new PoisonEventException(INVALID_CLOUD_EVENT, "CloudEvent attribute '" + name
                    + "' contains control characters");
        }
        return value;
    }

    /** Untrusted text quoted in a reason: never longer than a line. */
    static String shorten(String text) {
        return Excerpt.of(text, EXCERPT);
    }
}
