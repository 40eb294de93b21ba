package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.core.paging.Sorting;
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
                throw invalid();
            }
        });
    }

    /**
     * The page a sorted list's query asks for: {@code sort} read against the list's
     * {@link Sorting} (400 if not offered), the cursor against that order (400 if it was written
     * for another), one row more than {@code limit}. The next cursor is
     * {@code Page.fromOverfetch(rows, limit, keyset::keyOf, ...)}.
     */
    public static <R> Keyset<R> keyset(PageQuery query, Sorting<R> sorting, String sort) {
        var order = sorting.parse(sort);
        try {
            return Keyset.of(sorting, order, query.cursor().map(Cursor::afterKey), query.limit() + 1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static FleetException invalid() {
        return new FleetException(CommonErrorCode.INVALID_CURSOR, "cursor is not one this API returned for this sort");
    }
}
