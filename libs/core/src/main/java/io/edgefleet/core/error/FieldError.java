package io.edgefleet.core.error;

/** One invalid input field and the rule it broke. */
public record FieldError(String field, String message) {
}
