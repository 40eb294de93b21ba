package io.edgefleet.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.core.error.ErrorCode;
import io.edgefleet.core.error.FieldError;
import java.util.List;

/**
 * RFC 9457 problem details, extended with the stable {@code code} and per-field errors.
 *
 * @param type URI naming the error code (documentation anchor)
 * @param title the code's fixed summary
 * @param status HTTP status
 * @param detail what went wrong in this occurrence
 * @param instance the request path
 * @param code stable machine-readable error code
 * @param errors the fields that failed, when the problem is about input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://edgefleet.io/problems/";

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        String type = TYPE_BASE + code.code().toLowerCase().replace('_', '-');
        return new Problem(type, code.title(), code.status(), detail, instance, code.code(), errors);
    }
}
