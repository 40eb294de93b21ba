package io.edgefleet.rest.problem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmbiguousPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/clusters/c1/machines/%2e%2e", "/api/v1/groups/g/members/%2E%2E", "/api/v1/groups/g/members/%2e",
        "/api/v1/groups/g/members/..", "/api/v1/groups/./members", "/api/v1/devices/a%2fb", "/api/v1/devices/a%5Cb",
        "/api/v1/devices/a%00", "/api/v1/devices/%252e%252e", "/api/v1/devices/%c0%ae%c0%ae", "/api/v1/devices/%e0%80%ae",
        "/api/v1/devices/%ff", "/api/v1/devices/d;jsessionid=1", "/api/v1/devices/a\\b", "/api/v1/devices/%2",
        "/api/v1/devices/%zz", "/api/v1/devices/%0a", "/api/v1/devices/é"})
    void ambiguousPathsAreRefused(String rawPath) {
        assertTrue(AmbiguousPaths.problem(rawPath).isPresent(), rawPath);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/devices", "/api/v1/devices/6f1c0a4e-0000-4000-8000-000000000001",
        "/api/v1/devices/edge%20berlin", "/api/v1/devices/caf%C3%A9", "/q/health/ready", "/", "/api/v1/devices/a.b",
        "/api/v1/devices/...", "/api/v1/devices/v1.30.4%2Bk3s1"})
    void plainPathsPass(String rawPath) {
        assertTrue(AmbiguousPaths.problem(rawPath).isEmpty(), rawPath);
    }
}
