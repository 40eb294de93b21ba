package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging, which every list takes: {@code ?limit=N&cursor=C}. Lists use {@link ListQuery} or, when
 * they filter by labels, {@link SelectorListQuery}, as a {@code @BeanParam}.
 */
public abstract class PageQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    // Read as text so that a bad value is our INVALID_LIMIT problem, documented as the integer it is.
    @QueryParam("limit")
    @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `nextCursor` of the previous page; absent for the first page.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String cursor;

    protected PageQuery() {
    }

    protected PageQuery(String limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
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
}
