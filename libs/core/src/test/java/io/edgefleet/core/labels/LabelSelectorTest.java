package io.edgefleet.core.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

    private static final Map<String, String> PROD_EDGE = Map.of("env", "prod", "tier", "edge");
    private static final Map<String, String> CANARY = Map.of("env", "prod", "tier", "core", "canary", "");

    @Test
    void parsesEveryOperator() {
        LabelSelector s = LabelSelector.parse("env=prod, tier in (edge,core),!canary,zone notin (a), site, os!=windows, x==y");
        assertEquals(List.of(Operator.EQUALS, Operator.IN, Operator.NOT_EXISTS, Operator.NOT_IN, Operator.EXISTS,
                Operator.NOT_EQUALS, Operator.EQUALS), s.requirements().stream().map(Requirement::operator).toList());
        assertEquals(List.of("edge", "core"), s.requirements().get(1).values());
    }

    @Test
    void matchesLikeKubernetes() {
        assertTrue(LabelSelector.parse("env=prod,tier in (edge,core),!canary").matches(PROD_EDGE));
        assertFalse(LabelSelector.parse("env=prod,tier in (edge,core),!canary").matches(CANARY));
        assertTrue(LabelSelector.parse("zone notin (a,b)").matches(PROD_EDGE), "notin matches an absent key");
        assertTrue(LabelSelector.parse("zone!=a").matches(PROD_EDGE), "!= matches an absent key");
        assertFalse(LabelSelector.parse("tier in (core)").matches(PROD_EDGE));
        assertTrue(LabelSelector.parse("canary").matches(CANARY));
        assertFalse(LabelSelector.parse("canary").matches(PROD_EDGE));
    }

    @Test
    void blankSelectsEverything() {
        assertTrue(LabelSelector.parse(" ").isEmpty());
        assertTrue(LabelSelector.parse(null).matches(Map.of()));
        assertEquals("TRUE", LabelSelector.parse("").toSql("labels", new SqlParameters()));
    }

    @Test
    void rendersBoundParametersNeverInlinedValues() {
        SqlParameters params = new SqlParameters();
        String sql = LabelSelector.parse("env=prod,tier notin (a,b),!canary").toSql("d.labels", params);
        assertEquals("d.labels ->> :p0 = :p1 AND (d.labels ->> :p2 IS NULL OR d.labels ->> :p2 NOT IN (:p3, :p4))"
                + " AND NOT jsonb_exists(d.labels, :p5)", sql);
        assertEquals(List.of("env", "prod", "tier", "a", "b", "canary"), List.copyOf(params.values().values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"env=prod,", "tier in (a,b", "a in (b))", "-bad=1", "env=has space", "k=v'; drop table x;--",
            "x in ((a))", "!", "env in ()", "env notin ( )", "env in (a,,b)"})
    void invalidSelectorsAreA400WithTheirOwnCode(String selector) {
        FleetException e = assertThrows(FleetException.class, () -> LabelSelector.parse(selector));
        assertEquals(CommonErrorCode.INVALID_LABEL_SELECTOR, e.errorCode());
    }

    @Test
    void prefixedKeysAreValid() {
        assertTrue(LabelSelector.parse("edgefleet.io/site=berlin-01").matches(Map.of("edgefleet.io/site", "berlin-01")));
    }
}
