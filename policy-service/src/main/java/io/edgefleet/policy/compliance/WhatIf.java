package io.edgefleet.policy.compliance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a dry-run assignment would find if enforced: how many devices it covers, how many would be
 * non-compliant or in error, and the first of them with their reasons. Built over one scope pass.
 */
final class WhatIf {

    /** Devices named in a what-if; the counts cover every device. */
    static final int SAMPLE = 100;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private long covered;
    private long compliant;
    private long nonCompliant;
    private long errors;
    private final List<Map<String, Object>> devices = new ArrayList<>();

    void add(UUID deviceId, ComplianceState verdict) {
        if (verdict == null) {
            return;
        }
        covered++;
        switch (verdict.state()) {
            case ComplianceState.COMPLIANT -> compliant++;
            case ComplianceState.NON_COMPLIANT -> nonCompliant++;
            default -> errors++;
        }
        if (!ComplianceState.COMPLIANT.equals(verdict.state()) && devices.size() < SAMPLE) {
            devices.add(Map.of("deviceId", deviceId.toString(), "state", verdict.state(), "reasons", verdict.reasons()));
        }
    }

    long covered() {
        return covered;
    }

    String json(OffsetDateTime at) {
        try {
            return JSON.writeValueAsString(result(at));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> result(OffsetDateTime at) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("computedAt", at.toString());
        result.put("devices", covered);
        result.put("compliant", compliant);
        result.put("nonCompliant", nonCompliant);
        result.put("errors", errors);
        result.put("nonCompliantDevices", devices);
        return result;
    }
}
