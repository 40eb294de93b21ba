package io.edgefleet.core.paging;

/**
 * A list's order: one field, ascending or descending, ties broken by the row id in the same
 * direction so that every row has one place and keyset paging neither skips nor repeats.
 */
public record SortOrder<R>(SortField<R> field, boolean descending) {

    /** As a client writes it: {@code name} or {@code -createdAt}. */
    public String wire() {
        return (descending ? "-" : "") + field.name();
    }
}
