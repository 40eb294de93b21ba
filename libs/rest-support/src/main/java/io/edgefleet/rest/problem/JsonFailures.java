package io.edgefleet.rest.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.edgefleet.core.error.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON body without Jackson's own words, which name Java classes
 * ({@code Cannot deserialize value of type `java.util.UUID`}) and quote the input.
 */
public final class JsonFailures {

    private JsonFailures() {
    }

    /** What a client is told, and the field it concerns if there is one. */
    public record Described(String detail, List<FieldError> errors) {
    }

    public static Described describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new Described("the body is not valid JSON" + where(e.getLocation()), List.of());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            String problem = e.getClass().getSimpleName().equals("UnrecognizedPropertyException") ? "is not a known field"
                    : "has the wrong type or format";
            return new Described("field " + field + " " + problem, List.of(new FieldError(field, problem)));
        }
        return new Described("the body is not valid JSON for this resource" + where(e.getLocation()), List.of());
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
