package io.edgefleet.core.error;

import java.util.List;

/**
 * The domain's one failure type: a stable {@link ErrorCode} and a detail, thrown by services
 * whether the call came over REST (mapped to problem+json in one place, rest-support's
 * {@code ProblemMapper}) or from Kafka (a 4xx code makes the event poison, dead-lettered with
 * that code; messaging's {@code EventConsumer}).
 */
public class FleetException extends RuntimeException {

    private final transient ErrorCode errorCode;
    private final List<FieldError> fieldErrors;

    public FleetException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of());
    }

    public FleetException(ErrorCode errorCode, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.errorCode = errorCode;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** A rule violated by one field: 422 naming the field and the rule. */
    public static FleetException unprocessable(String field, String rule) {
        return new FleetException(CommonErrorCode.UNPROCESSABLE, field + ": " + rule,
                List.of(new FieldError(field, rule)));
    }
}
