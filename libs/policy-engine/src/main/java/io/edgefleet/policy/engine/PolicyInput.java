package io.edgefleet.policy.engine;

import java.time.Instant;
import java.util.Map;

/**
 * Everything one evaluation reads: the device's document, the assignment's parameters, the time
 * and, for admission rules, the proposed change.
 */
public record PolicyInput(DeviceDocument document, Map<String, Object> params, Instant now, AdmissionRequest request) {

    public PolicyInput {
        params = params == null ? Map.of() : castMap(CelValues.normalize(params, java.util.Set.of()));
        request = request == null ? new AdmissionRequest(Map.of()) : request;
    }

    public static PolicyInput of(DeviceDocument document, Map<String, Object> params, Instant now) {
        return new PolicyInput(document, params, now, null);
    }

    public PolicyInput with(AdmissionRequest change) {
        return new PolicyInput(document, params, now, change);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object normalized) {
        return (Map<String, Object>) normalized;
    }

    /** The CEL variables, by name. */
    Map<String, Object> variables() {
        return Map.of("device", document.device(), "cluster", document.cluster(),
                "params", params, "now", now, "request", request.value());
    }
}
