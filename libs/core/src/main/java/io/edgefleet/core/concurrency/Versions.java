package io.edgefleet.core.concurrency;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import java.util.Optional;

/**
 * The one concurrency rule: every versioned resource carries a number that grows with each change,
 * shown as {@code resourceVersion} (a string, as Kubernetes has it) and as a strong {@code ETag};
 * a write that names a version ({@code If-Match}) applies only to that version, else 412.
 */
public final class Versions {

    private Versions() {
    }

    /** {@code resourceVersion} as the API shows it. */
    public static String text(long version) {
        return Long.toString(version);
    }

    /** The strong ETag of a version: {@code "7"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header (or a {@code resourceVersion} field) names; empty
     * without one. Weak and quoted forms are read; a value that is not a version matches nothing.
     */
    public static Optional<Long> named(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    /** Refuses a write that named another version than the current one: 412 PRECONDITION_FAILED. */
    public static void require(Optional<Long> named, long current, String what) {
        if (named.isPresent() && named.get() != current) {
            throw new FleetException(CommonErrorCode.PRECONDITION_FAILED, what + " is at version \"" + current
                    + "\", not " + (named.get() < 0 ? "the one named" : "\"" + named.get() + "\"") + "; read it again");
        }
    }
}
