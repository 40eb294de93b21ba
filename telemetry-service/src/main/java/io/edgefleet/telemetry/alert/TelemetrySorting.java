package io.edgefleet.telemetry.alert;

import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;

/** The orders telemetry's lists offer ({@code sort=}): alerts in SQL, rules and silences in HQL. */
public final class TelemetrySorting {

    /** Alerts; one never fired sorts as the earliest {@code startedAt}. */
    public static final Sorting<Alert> ALERTS = Sorting.of(SortField.id("id", a -> a.id), "id",
            SortField.time("pendingSince", "pending_since", a -> a.pendingSince),
            SortField.nullableTime("startedAt", "started_at", a -> a.startedAt));

    public static final Sorting<AlertRule> RULES = Sorting.of(SortField.id("r.id", r -> r.id), "id",
            SortField.text("name", "r.name", r -> r.name),
            SortField.time("createdAt", "r.createdAt", r -> r.createdAt));

    public static final Sorting<Silence> SILENCES = Sorting.of(SortField.id("s.id", s -> s.id), "id",
            SortField.time("startsAt", "s.startsAt", s -> s.startsAt),
            SortField.time("createdAt", "s.createdAt", s -> s.createdAt));

    private TelemetrySorting() {
    }
}
