package io.edgefleet.core.paging;

import io.edgefleet.core.labels.SqlParameters;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of a sorted list, asked of a repository: the order, where the previous page ended,
 * and how many rows to fetch. Renders its condition and {@code ORDER BY} for SQL or HQL, and
 * writes the cursor key of a row. A cursor key names its order, so a cursor used with another
 * {@code sort=} is refused instead of silently paging wrong.
 *
 * @param <R> the row type of the list
 */
public final class Keyset<R> {

    private static final char SEP = '|';

    private final Sorting<R> sorting;
    private final SortOrder<R> order;
    private final Optional<Position> after;
    private final int fetch;

    private record Position(Object value, UUID id) {
    }

    private Keyset(Sorting<R> sorting, SortOrder<R> order, Optional<Position> after, int fetch) {
        this.sorting = sorting;
        this.order = order;
        this.after = after;
        this.fetch = fetch;
    }

    /**
     * @param afterKey a key {@link #keyOf} wrote on the previous page, if any
     * @throws IllegalArgumentException when the key is not one written for this order
     */
    public static <R> Keyset<R> of(Sorting<R> sorting, SortOrder<R> order, Optional<String> afterKey, int fetch) {
        return new Keyset<>(sorting, order, afterKey.map(key -> parse(order, key)), fetch);
    }

    private static Position parse(SortOrder<?> order, String key) {
        String prefix = order.wire() + SEP;
        int last = key.lastIndexOf(SEP);
        if (!key.startsWith(prefix) || last < prefix.length()) {
            throw new IllegalArgumentException("cursor of another order");
        }
        return new Position(order.field().read(key.substring(prefix.length(), last)), UUID.fromString(key.substring(last + 1)));
    }

    /** The key after {@code row}, for the next page's cursor. */
    public String keyOf(R row) {
        return order.wire() + SEP + order.field().write(order.field().valueOf(row)) + SEP + sorting.idOf(row);
    }

    public int fetch() {
        return fetch;
    }

    /**
     * What a repository appends to its {@code WHERE} clause, in SQL or HQL alike:
     * {@code AND <beyond the cursor> ORDER BY <order>, <id>}; then it fetches {@link #fetch} rows.
     */
    public String andOrderBy(SqlParameters params) {
        return " AND " + condition(params) + " ORDER BY " + orderBy(params);
    }

    /** The condition rows of this page meet ({@code true} on the first page), binding values to {@code params}. */
    String condition(SqlParameters params) {
        if (after.isEmpty()) {
            return "1 = 1";
        }
        String expr = expression(params);
        String value = params.bind(after.get().value());
        String id = params.bind(after.get().id());
        String beyond = order.descending() ? " < " : " > ";
        return "(" + expr + beyond + value + " OR (" + expr + " = " + value + " AND " + sorting.idColumn() + beyond + id + "))";
    }

    /** The {@code ORDER BY} clause's terms, without the keywords. */
    String orderBy(SqlParameters params) {
        String direction = order.descending() ? " DESC" : " ASC";
        return expression(params) + direction + ", " + sorting.idColumn() + direction;
    }

    private String expression(SqlParameters params) {
        SortField<R> field = order.field();
        if (!field.nullable()) {
            return field.column();
        }
        return "COALESCE(" + field.column() + ", " + params.bind(field.nullValue()) + ")";
    }
}
