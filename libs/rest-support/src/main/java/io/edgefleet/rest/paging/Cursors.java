package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import java.util.Optional;
import java.util.UUID;

/** Cursor keys of the common kinds. */
public final class Cursors {

    private Cursors() {
    }

    /** The UUID after which a page starts, for lists ordered by a UUID id. */
    public static Optional<UUID> uuidAfter(PageQuery query) {
        return query.cursor().map(cursor -> {
            try {
                return UUID.fromString(cursor.afterKey());
            } catch (IllegalArgumentException e) {
                throw new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned");
            }
        });
    }
}
