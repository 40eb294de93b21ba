package io.edgefleet.policy.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.policy.ComplianceChanged;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** How compliance records and history store their reasons (JSONB) and read their times: one way for all three. */
final class ComplianceColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ComplianceChanged.Reason>> REASONS = new TypeReference<>() {
    };

    private ComplianceColumns() {
    }

    static String reasons(List<ComplianceChanged.Reason> reasons) {
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reasons as PostgreSQL returns the JSONB column's text. */
    static List<ComplianceChanged.Reason> reasons(String text) {
        try {
            return JSON.readValue(text, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are not JSON", e);
        }
    }

    /** A timestamptz column as a native query returns it (an Instant or an OffsetDateTime, by driver and Hibernate version). */
    static OffsetDateTime time(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
