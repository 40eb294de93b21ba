package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;

/**
 * The query parameters every list endpoint takes: {@code ?limit=N&cursor=C&labelSelector=S}.
 * Use as a {@code @BeanParam}.
 */
public class ListQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("labelSelector")
    String labelSelector;

    public ListQuery() {
    }

    public ListQuery(String limit, String cursor, String labelSelector) {
        this.limit = limit;
        this.cursor = cursor;
        this.labelSelector = labelSelector;
    }

    /** The page size, 1 to {@value #MAX_LIMIT}; {@value #DEFAULT_LIMIT} when absent. */
    public int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        throw new FleetException(CommonErrorCode.INVALID_LIMIT, "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    public Optional<Cursor> cursor() {
        return cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.parse(cursor));
    }

    public LabelSelector labelSelector() {
        return LabelSelector.parse(labelSelector);
    }

    /** For lists of things without labels: a selector there is a mistake, not something to ignore. */
    public void refuseLabelSelector(String listed) {
        if (!labelSelector().isEmpty()) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "labelSelector selects devices; " + listed
                    + " are not filtered by it");
        }
    }
}
