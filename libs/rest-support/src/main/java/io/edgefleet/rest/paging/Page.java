package io.edgefleet.rest.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: every list endpoint answers {@code {"items": [...], "nextCursor": "..."}};
 * {@code nextCursor} is absent on the last page.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    /** A whole list as one page, for lists bounded by the domain (a device's nodes, a bulk change's devices). */
    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that a
     * next page exists, and the cursor points after the last row returned.
     */
    public static <R, T> Page<T> fromOverfetch(List<R> rows, int limit, Function<R, String> sortKey,
                                               Function<R, T> toItem) {
        boolean more = rows.size() > limit;
        List<R> visible = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.after(sortKey.apply(visible.get(visible.size() - 1))).token() : null;
        return new Page<>(visible.stream().map(toItem).toList(), next);
    }
}
