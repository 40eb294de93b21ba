package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort key of the last item a client has seen. Keyset paging
 * (not offsets) means rows inserted meanwhile cause neither duplicates nor gaps.
 */
public record Cursor(String afterKey) {

    private static final String PREFIX = "v1:";

    public static Cursor after(String key) {
        return new Cursor(key);
    }

    /** The token handed to clients; its format is not part of the API. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + afterKey).getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a client's token; anything not produced by {@link #token()} is a 400. */
    public static Cursor parse(String token) {
        if (token.length() > Limits.SHORT_TEXT) {
            throw invalid();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX) || decoded.length() == PREFIX.length()) {
                throw invalid();
            }
            return new Cursor(decoded.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static FleetException invalid() {
        return new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned");
    }
}
