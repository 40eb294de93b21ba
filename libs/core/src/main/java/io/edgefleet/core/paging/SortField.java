package io.edgefleet.core.paging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * One field a list can be sorted by: its wire name ({@code sort=name}), the expression that
 * orders rows in the repository's query language (SQL or HQL), and how to read it off a row for
 * the cursor. A nullable field sorts its nulls as the smallest value (so {@code -lastSeenAt} puts
 * devices never seen last).
 *
 * @param <R> the row type of the list
 */
public record SortField<R>(String name, String column, Kind kind, boolean nullable, Function<R, Object> value) {

    /** The value a null sorts as: the empty text or the epoch. */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** How a value is written into a cursor and read back. */
    public enum Kind {
        ID, TEXT, TIME
    }

    /** The row id itself: the stable order of a list that is not asked for another. */
    public static <R> SortField<R> id(String column, Function<R, UUID> value) {
        return new SortField<>("id", column, Kind.ID, false, value::apply);
    }

    public static <R> SortField<R> text(String name, String column, Function<R, String> value) {
        return new SortField<>(name, column, Kind.TEXT, false, value::apply);
    }

    public static <R> SortField<R> time(String name, String column, Function<R, OffsetDateTime> value) {
        return new SortField<>(name, column, Kind.TIME, false, value::apply);
    }

    /** A time that may be absent, e.g. when a device was last seen. */
    public static <R> SortField<R> nullableTime(String name, String column, Function<R, OffsetDateTime> value) {
        return new SortField<>(name, column, Kind.TIME, true, value::apply);
    }

    Object valueOf(R row) {
        Object raw = value.apply(row);
        return raw == null ? nullValue() : raw;
    }

    /** What a null sorts as (only nullable fields have nulls). */
    Object nullValue() {
        return kind == Kind.TEXT ? "" : EARLIEST;
    }

    String write(Object sortValue) {
        return kind == Kind.TIME ? ((OffsetDateTime) sortValue).toInstant().toString() : sortValue.toString();
    }

    /** Reads a value {@link #write} wrote; anything else is an {@link IllegalArgumentException}. */
    Object read(String text) {
        try {
            return switch (kind) {
                case ID -> UUID.fromString(text);
                case TEXT -> text;
                case TIME -> OffsetDateTime.parse(text);
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time", e);
        }
    }
}
