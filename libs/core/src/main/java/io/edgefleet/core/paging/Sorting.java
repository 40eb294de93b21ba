package io.edgefleet.core.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders one list offers ({@code sort=name}, {@code sort=-createdAt}, ...) and its default.
 * Declared once per list, next to its repository query.
 *
 * @param <R> the row type of the list
 */
public final class Sorting<R> {

    private final Map<String, SortOrder<R>> orders = new LinkedHashMap<>();
    private final SortOrder<R> byDefault;
    private final SortField<R> id;

    private Sorting(SortField<R> id, String byDefault, List<SortField<R>> fields) {
        if (id.kind() != SortField.Kind.ID) {
            throw new IllegalArgumentException("the tie-breaker must be SortField.id(...), not " + id.name());
        }
        this.id = id;
        List<SortField<R>> all = new ArrayList<>(List.of(id));
        all.addAll(fields);
        for (SortField<R> field : all) {
            orders.put(field.name(), new SortOrder<>(field, false));
            orders.put("-" + field.name(), new SortOrder<>(field, true));
        }
        this.byDefault = orders.get(byDefault);
        if (this.byDefault == null) {
            throw new IllegalArgumentException("default order " + byDefault + " is not one of " + orders.keySet());
        }
    }

    /**
     * @param id the row id ({@link SortField#id}): an order of its own ({@code sort=id}) and every
     *           other order's tie-breaker
     * @param byDefault the wire value used when a client sends none
     */
    @SafeVarargs
    public static <R> Sorting<R> of(SortField<R> id, String byDefault, SortField<R>... fields) {
        return new Sorting<>(id, byDefault, List.of(fields));
    }

    /** The order a client asked for; absent is the default, anything not offered a 400 naming the choices. */
    public SortOrder<R> parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return byDefault;
        }
        SortOrder<R> order = orders.get(sort.trim());
        if (order == null) {
            String choices = String.join(", ", wireValues());
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "sort must be one of " + choices,
                    List.of(new FieldError("sort", "must be one of " + choices)));
        }
        return order;
    }

    /** Every value {@code sort=} accepts, for the contract. */
    public List<String> wireValues() {
        return new ArrayList<>(orders.keySet());
    }

    String idColumn() {
        return id.column();
    }

    Object idOf(R row) {
        return id.value().apply(row);
    }
}
