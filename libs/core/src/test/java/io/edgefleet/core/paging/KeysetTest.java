package io.edgefleet.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.SqlParameters;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetTest {

    record Row(UUID id, String name, OffsetDateTime seenAt) {
    }

    private static final Sorting<Row> ROWS = Sorting.of(SortField.id("r.id", Row::id), "id",
            SortField.text("name", "r.name", Row::name),
            SortField.nullableTime("seenAt", "r.seen_at", Row::seenAt));

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Test
    void absentSortIsTheDefaultAndUnknownOnesAreRefusedNamingTheChoices() {
        assertEquals("id", ROWS.parse(null).wire());
        assertEquals("-seenAt", ROWS.parse("-seenAt").wire());
        FleetException refused = assertThrows(FleetException.class, () -> ROWS.parse("colour"));
        assertEquals("sort must be one of id, -id, name, -name, seenAt, -seenAt", refused.getMessage());
    }

    @Test
    void firstPageHasNoConditionAndOrdersTiesById() {
        Keyset<Row> page = Keyset.of(ROWS, ROWS.parse("-name"), Optional.empty(), 11);
        SqlParameters params = new SqlParameters();
        assertEquals("1 = 1", page.condition(params));
        assertEquals("r.name DESC, r.id DESC", page.orderBy(params));
        assertEquals(11, page.fetch());
    }

    @Test
    void aCursorKeyCarriesOnAfterTheLastRowInTheSameDirection() {
        String key = Keyset.of(ROWS, ROWS.parse("name"), Optional.empty(), 2).keyOf(new Row(ID, "a|b", null));
        assertEquals("name|a|b|" + ID, key);
        Keyset<Row> next = Keyset.of(ROWS, ROWS.parse("name"), Optional.of(key), 2);
        SqlParameters params = new SqlParameters();
        assertEquals("(r.name > :p0 OR (r.name = :p0 AND r.id > :p1))", next.condition(params));
        assertEquals(Map.of("p0", "a|b", "p1", ID), params.values());
    }

    @Test
    void nullableFieldsSortNullsAsTheEarliestValue() {
        OffsetDateTime seen = OffsetDateTime.parse("2026-12-02T10:00:00.123456Z");
        Keyset<Row> first = Keyset.of(ROWS, ROWS.parse("-seenAt"), Optional.empty(), 2);
        assertEquals("-seenAt|1970-01-01T00:00:00Z|" + ID, first.keyOf(new Row(ID, "x", null)));
        String key = first.keyOf(new Row(ID, "x", seen));
        SqlParameters params = new SqlParameters();
        String condition = Keyset.of(ROWS, ROWS.parse("-seenAt"), Optional.of(key), 2).condition(params);
        assertEquals("(COALESCE(r.seen_at, :p0) < :p1 OR (COALESCE(r.seen_at, :p0) = :p1 AND r.id < :p2))", condition);
        assertEquals(seen, params.values().get("p1"));
    }

    @Test
    void aCursorOfAnotherOrderOrForgedIsRefused() {
        String byName = Keyset.of(ROWS, ROWS.parse("name"), Optional.empty(), 2).keyOf(new Row(ID, "x", null));
        assertThrows(IllegalArgumentException.class, () -> Keyset.of(ROWS, ROWS.parse("-name"), Optional.of(byName), 2));
        assertThrows(IllegalArgumentException.class, () -> Keyset.of(ROWS, ROWS.parse("seenAt"), Optional.of("seenAt|yesterday|" + ID), 2));
        assertThrows(IllegalArgumentException.class, () -> Keyset.of(ROWS, ROWS.parse("id"), Optional.of("id|" + ID + "|nope"), 2));
        assertThrows(IllegalArgumentException.class, () -> Keyset.of(ROWS, ROWS.parse("id"), Optional.of("id"), 2));
    }
}
