package io.edgefleet.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PolicyEngine engine = new PolicyEngine(CostLimits.defaults());

    @Test
    void aBoolRuleNamesItsFieldAndValueWhenViolated() throws RuleRejected {
        CompiledRule rule = engine.compile(RuleSource.of("device.linuxNode.memoryMb >= 4096", RuleKind.DEVICE,
                "device.linuxNode.memoryMb", "the Linux node has less than 4 GB"));
        assertTrue(rule.evaluate(input(Map.of("linuxNode", Map.of("memoryMb", 8192L)))).isCompliant());
        Verdict small = rule.evaluate(input(Map.of("linuxNode", Map.of("memoryMb", 2048L))));
        assertEquals(Verdict.Outcome.VIOLATED, small.outcome());
        assertEquals(List.of(new Violation("device.linuxNode.memoryMb", "2048", "the Linux node has less than 4 GB")),
                small.violations());
    }

    @Test
    void aListRuleGivesOneViolationPerItem() throws RuleRejected {
        CompiledRule rule = engine.compile(RuleSource.of(
                "params.required.filter(k, !(k in device.labels)).map(k, {'field': 'device.labels.' + k, 'message': 'label ' + k + ' is missing'})",
                RuleKind.DEVICE, "device.labels", "required labels"));
        Verdict verdict = rule.evaluate(PolicyInput.of(new DeviceDocument(Map.of("labels", Map.of("site", "berlin")), Map.of()),
                Map.of("required", List.of("site", "owner", "tier")), NOW));
        assertEquals(List.of(new Violation("device.labels.owner", null, "label owner is missing"),
                new Violation("device.labels.tier", null, "label tier is missing")), verdict.violations());
        assertTrue(rule.evaluate(PolicyInput.of(new DeviceDocument(Map.of("labels", Map.of("site", "b")), Map.of()),
                Map.of("required", List.of("site")), NOW)).isCompliant());
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedWithItsPosition() {
        RuleRejected refused = assertThrows(RuleRejected.class, () -> engine.compile(
                RuleSource.of("device.linuxNode.memoryMb >=\n  ", RuleKind.DEVICE, null, "m")));
        RuleRejected.Problem problem = refused.problems().get(0);
        assertEquals(2, problem.line());
        assertTrue(problem.column() >= 1, problem.toString());
        assertTrue(refused.getMessage().contains("mismatched input"), refused.getMessage());
    }

    @Test
    void aRuleMustReturnBoolOrAList() {
        RuleRejected refused = assertThrows(RuleRejected.class,
                () -> engine.compile(RuleSource.of("size(device.labels)", RuleKind.DEVICE, null, "m")));
        assertTrue(refused.getMessage().contains("returns int"), refused.getMessage());
        assertThrows(RuleRejected.class, () -> engine.compile(RuleSource.of("device.name", RuleKind.DEVICE, null, "m")));
        assertThrows(RuleRejected.class, () -> engine.compile(RuleSource.of(" ", RuleKind.DEVICE, null, "m")));
    }

    @Test
    void onlyAdmissionRulesSeeTheRequest() throws RuleRejected {
        RuleRejected refused = assertThrows(RuleRejected.class, () -> engine.compile(
                RuleSource.of("request.kind == 'command'", RuleKind.DEVICE, null, "m")));
        assertTrue(refused.getMessage().contains("request"), refused.getMessage());
        engine.compile(RuleSource.of("request.kind == 'command'", RuleKind.ADMISSION, null, "m"));
    }

    @Test
    void tooLongAndTooDeeplyNestedRulesAreRefused() {
        String longRule = IntStream.range(0, 1000).mapToObj(i -> "true").reduce((a, b) -> a + " && " + b).orElseThrow();
        assertTrue(assertThrows(RuleRejected.class, () -> engine.compile(RuleSource.of(longRule, RuleKind.DEVICE, null, "m")))
                .getMessage().contains("at most 4096"));
        String nested = "cluster.nodes.all(a, cluster.nodes.all(b, cluster.nodes.all(c, a.name != '' || b.name != c.name)))";
        assertTrue(assertThrows(RuleRejected.class, () -> engine.compile(RuleSource.of(nested, RuleKind.DEVICE, null, "m")))
                .getMessage().contains("nests 3 loops"));
    }

    @Test
    void aDeliberatelyExpensiveRuleIsRefusedWhenCompiled() {
        // 64 labels × 64 labels × string work per pair: fine on a small device, far over budget on the largest.
        String expensive = "device.labels.all(a, device.labels.all(b, (a + b + a + b + a + b).size() > 0 && device.labels[a] + device.labels[b]"
                + " + device.labels[a] + device.labels[b] != 'x' && (b + a + b + a).size() > (a + b).size() && a + b != b + a + 'x'))";
        RuleRejected refused = assertThrows(RuleRejected.class, () -> engine.compile(RuleSource.of(expensive, RuleKind.DEVICE, null, "m")));
        assertTrue(refused.getMessage().contains("costs too much") && refused.getMessage().contains("evaluation steps"),
                refused.getMessage());
    }

    @Test
    void anEvaluationPastItsBudgetIsStopped() throws RuleRejected {
        CompiledRule rule = engine.compile(RuleSource.of("params.items.all(x, params.items.exists(y, y == x))", RuleKind.DEVICE, null, "m"));
        List<Long> many = IntStream.range(0, 1000).mapToObj(i -> (long) i).toList();
        Verdict verdict = rule.evaluate(PolicyInput.of(new DeviceDocument(Map.of(), Map.of()), Map.of("items", many), NOW));
        assertEquals(Verdict.Outcome.TOO_EXPENSIVE, verdict.outcome(), verdict.toString());
        assertTrue(rule.evaluate(PolicyInput.of(new DeviceDocument(Map.of(), Map.of()), Map.of("items", many.subList(0, 10)), NOW))
                .isCompliant());
    }

    @Test
    void anEvaluationPastItsTimeIsStopped() throws RuleRejected {
        PolicyEngine hurried = new PolicyEngine(new CostLimits(4096, 2, 10_000, 1_000_000, Duration.ofNanos(1)));
        CompiledRule rule = hurried.compile(RuleSource.of("params.items.all(x, x >= 0)", RuleKind.DEVICE, null, "m"));
        Verdict verdict = rule.evaluate(PolicyInput.of(new DeviceDocument(Map.of(), Map.of()),
                Map.of("items", IntStream.range(0, 2000).mapToObj(i -> (long) i).toList()), NOW));
        assertEquals(Verdict.Outcome.TOO_EXPENSIVE, verdict.outcome(), verdict.toString());
        assertTrue(verdict.error().contains("longer than"), verdict.error());
    }

    @Test
    void aRuleThatErrsOnAnInputFailsThatInputOnly() throws RuleRejected {
        CompiledRule rule = engine.compile(RuleSource.of("device.linuxNode.memoryMb >= 4096", RuleKind.DEVICE, "device.linuxNode.memoryMb", "m"));
        Verdict verdict = rule.evaluate(input(Map.of("name", "no-allocations")));
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.error().contains("linuxNode"), verdict.error());
        CompiledRule badItems = engine.compile(RuleSource.of("[1, 2]", RuleKind.DEVICE, null, "m"));
        assertEquals(Verdict.Outcome.FAILED, badItems.evaluate(input(Map.of())).outcome());
    }

    @Test
    void versionsCompareByMajorMinorAndPatch() throws RuleRejected {
        CompiledRule rule = engine.compile(RuleSource.of(
                "minorVersion(device.kubernetesVersion) >= 30 && majorVersion(device.kubernetesVersion) == 1"
                        + " && compareVersions(device.kubernetesVersion, 'v1.30.10') < 0", RuleKind.DEVICE, "device.kubernetesVersion", "m"));
        assertTrue(rule.evaluate(input(Map.of("kubernetesVersion", "v1.30.4+k3s1"))).isCompliant());
        assertEquals(Verdict.Outcome.VIOLATED, rule.evaluate(input(Map.of("kubernetesVersion", "1.31.0"))).outcome());
        assertEquals(Verdict.Outcome.FAILED, rule.evaluate(input(Map.of("kubernetesVersion", "latest"))).outcome());
        assertEquals(1, VersionFunctions.compare("1.30.10", "v1.30.9"));
        assertEquals(0, VersionFunctions.compare("v1.30", "1.30.0-rc.1"));
    }

    @Test
    void timestampsAndDurationsCompare() throws RuleRejected {
        CompiledRule rule = engine.compile(RuleSource.of("now - device.lastSeenAt < duration('1h')", RuleKind.DEVICE, "device.lastSeenAt", "m"));
        assertTrue(rule.evaluate(input(Map.of("lastSeenAt", NOW.minusSeconds(60)))).isCompliant());
        assertEquals(Verdict.Outcome.VIOLATED, rule.evaluate(input(Map.of("lastSeenAt", NOW.minusSeconds(7200)))).outcome());
    }

    private static PolicyInput input(Map<String, Object> device) {
        return PolicyInput.of(new DeviceDocument(device, Map.of()), Map.of(), NOW);
    }
}
