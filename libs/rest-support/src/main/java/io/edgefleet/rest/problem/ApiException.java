package io.edgefleet.rest.problem;

import java.util.List;

/** A failure with a stable error code; mapped to problem+json in one place ({@link ProblemMapper}). */
public class ApiException extends RuntimeException {

    private final transient ErrorCode errorCode;
    private final List<Problem.FieldError> fieldErrors;

    public ApiException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of());
    }

    public ApiException(ErrorCode errorCode, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.errorCode = errorCode;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** A rule violated by one field: 422 naming the field and the rule. */
    public static ApiException unprocessable(String field, String rule) {
        return new ApiException(CommonErrorCode.UNPROCESSABLE, field + ": " + rule,
                List.of(new Problem.FieldError(field, rule)));
    }
}
