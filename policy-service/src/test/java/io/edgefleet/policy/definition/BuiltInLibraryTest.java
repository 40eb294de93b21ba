package io.edgefleet.policy.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edgefleet.policy.engine.AdmissionRequest;
import io.edgefleet.policy.engine.CompiledRule;
import io.edgefleet.policy.engine.CostLimits;
import io.edgefleet.policy.engine.DeviceDocument;
import io.edgefleet.policy.engine.PolicyEngine;
import io.edgefleet.policy.engine.PolicyInput;
import io.edgefleet.policy.engine.RuleKind;
import io.edgefleet.policy.engine.RuleSource;
import io.edgefleet.policy.engine.Verdict;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in policy on a compliant and a non-compliant fixture (builtin-fixtures.yaml). */
class BuiltInLibraryTest {

    private static final PolicyEngine ENGINE = new PolicyEngine(CostLimits.defaults());
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Map<String, Map<String, Object>> FIXTURES = fixtures();

    @Test
    void everyBuiltInHasFixturesAndOnlyThose() {
        assertEquals(new TreeSet<>(FIXTURES.keySet()), new TreeSet<>(BuiltInLibrary.load().policies().stream()
                .map(BuiltInLibrary.BuiltIn::name).toList()));
    }

    @Test
    void edgeRulesAreDevicePoliciesInTheBuiltInNamespace() {
        BuiltInLibrary.load().policies().forEach(policy -> {
            assertTrue(policy.name().startsWith("edge."), policy.name());
            assertTrue(!policy.edgeRule() || "device".equals(policy.kind()), policy.name() + " is an edge rule of kind " + policy.kind());
        });
    }

    static Stream<BuiltInLibrary.BuiltIn> builtIns() {
        return BuiltInLibrary.load().policies().stream();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void judgesItsFixtures(BuiltInLibrary.BuiltIn policy) throws Exception {
        CompiledRule rule = ENGINE.compile(new RuleSource(policy.rule(), RuleKind.fromWire(policy.kind()).orElseThrow(),
                policy.field(), policy.message(), policy.defaults()));
        Map<String, Object> fixture = FIXTURES.get(policy.name());
        Verdict compliant = rule.evaluate(input(policy, fixture(fixture, "compliant")));
        assertEquals(Verdict.Outcome.COMPLIANT, compliant.outcome(), policy.name() + ": " + compliant);
        Verdict violated = rule.evaluate(input(policy, fixture(fixture, "nonCompliant")));
        assertEquals(Verdict.Outcome.VIOLATED, violated.outcome(), policy.name() + ": " + violated);
        assertEquals(fixture.get("field"), violated.violations().get(0).field(), policy.name() + ": " + violated);
        assertTrue(violated.violations().get(0).message() != null && !violated.violations().get(0).message().isBlank());
    }

    @SuppressWarnings("unchecked")
    private static PolicyInput input(BuiltInLibrary.BuiltIn policy, Map<String, Object> fixture) {
        Map<String, Object> params = new LinkedHashMap<>(policy.defaults() == null ? Map.of() : policy.defaults());
        params.putAll((Map<String, Object>) fixture.getOrDefault("params", Map.of()));
        PolicyInput input = PolicyInput.of(DeviceDocument.fromMaps((Map<String, Object>) fixture.get("device"),
                (Map<String, Object>) fixture.get("cluster")), params, NOW);
        if (fixture.get("command") instanceof Map<?, ?> command) {
            return input.with(AdmissionRequest.command((String) command.get("type"), Map.of("manifests", command.get("manifests"))));
        }
        if (fixture.get("upgrade") instanceof Map<?, ?> u) {
            return input.with(AdmissionRequest.upgrade((String) u.get("releaseKind"), (String) u.get("fromDistribution"),
                    (String) u.get("toDistribution"), (String) u.get("fromVersion"), (String) u.get("toVersion"), false));
        }
        return input;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture(Map<String, Object> fixture, String which) {
        return (Map<String, Object>) fixture.get(which);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> fixtures() {
        try (InputStream in = BuiltInLibraryTest.class.getResourceAsStream("/builtin-fixtures.yaml")) {
            ObjectMapper yaml = new YAMLMapper();
            return yaml.readValue(in, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
