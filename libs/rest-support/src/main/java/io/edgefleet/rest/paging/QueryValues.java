package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.text.Choices;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Query parameters read strictly: JAX-RS turns {@code active=maybe} into false and a bogus enum
 * filter into "matches nothing"; here both are a 400 naming the parameter.
 */
public final class QueryValues {

    private static final Choices BOOLEANS = Choices.of("true", "false");

    private QueryValues() {
    }

    /** {@code true} or {@code false}; absent is {@code fallback}. */
    public static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return Boolean.parseBoolean(oneOf(name, value, BOOLEANS).orElseThrow());
    }

    /** One of {@code choices}, or empty when absent. */
    public static Optional<String> oneOf(String name, String value, Choices choices) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!choices.accepts(value)) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, name + " must be " + choices.describe(),
                    List.of(new FieldError(name, "must be " + choices.describe())));
        }
        return Optional.of(value);
    }

    /** A free-text value, trimmed, at most {@link Limits#SHORT_TEXT} characters; empty when absent. */
    public static Optional<String> text(String name, String value) {
        if (value != null && value.length() > Limits.SHORT_TEXT) {
            throw invalid(name, "has at most " + Limits.SHORT_TEXT + " characters");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** An RFC 3339 instant such as {@code 2026-11-29T10:00:00Z}; empty when absent. */
    public static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.length() > Limits.TIMESTAMP ? "" : value));
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an RFC 3339 instant, e.g. 2026-11-29T10:00:00Z");
        }
    }

    private static FleetException invalid(String name, String rule) {
        return new FleetException(CommonErrorCode.VALIDATION_FAILED, name + " " + rule, List.of(new FieldError(name, rule)));
    }
}
