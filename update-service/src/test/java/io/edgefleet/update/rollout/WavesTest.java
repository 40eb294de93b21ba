package io.edgefleet.update.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Units split into waves in order: canary count, percentages (at least one), selectors; the rest joins the last. */
class WavesTest {

    @Test
    void aCanaryThenAPercentageThenTheRest() {
        List<PlannedUnit> units = IntStream.range(0, 30).mapToObj(i -> unit(i, Map.of())).toList();
        Map<Integer, Long> sizes = sizes(Waves.assign(List.of(new RolloutSpec.Wave(1, null, null, null),
                new RolloutSpec.Wave(null, 30, null, null), new RolloutSpec.Wave(null, 100, null, null)), units));
        assertEquals(Map.of(0, 1L, 1, 9L, 2, 20L), sizes);
    }

    @Test
    void aSelectorWaveTakesItsUnitsAndTheLastTakesWhatIsLeft() {
        List<PlannedUnit> units = IntStream.range(0, 10).mapToObj(i -> unit(i, Map.of("ring", i < 3 ? "early" : "late"))).toList();
        List<PlannedUnit> planned = Waves.assign(List.of(new RolloutSpec.Wave(null, null, "ring=early", null),
                new RolloutSpec.Wave(2, null, null, null)), units);
        assertEquals(Map.of(0, 3L, 1, 7L), sizes(planned));
        planned.stream().filter(u -> u.wave() == 0).forEach(u -> assertEquals("early", u.labels().get("ring")));
    }

    @Test
    void aJoinerGoesToTheFirstSelectorWaveItMatchesFromTheEarliestOpenOneElseToThatOne() {
        List<RolloutSpec.Wave> waves = List.of(new RolloutSpec.Wave(1, null, null, null),
                new RolloutSpec.Wave(null, null, "site=berlin", null), new RolloutSpec.Wave(null, null, "site=paris", null),
                new RolloutSpec.Wave(null, 100, null, null));
        assertEquals(Optional.of(2), Waves.forJoiner(waves, Map.of("site", "paris"), 0));
        assertEquals(Optional.of(1), Waves.forJoiner(waves, Map.of("site", "berlin"), 1));
        assertEquals(Optional.of(3), Waves.forJoiner(waves, Map.of("site", "berlin"), 3), "its wave is past: the open one");
        assertEquals(Optional.of(0), Waves.forJoiner(waves, Map.of("site", "rome"), 0));
        assertEquals(Optional.empty(), Waves.forJoiner(waves, Map.of("site", "paris"), 4), "after the last wave: none");
        assertEquals(Optional.of(0), Waves.forJoiner(null, Map.of(), 0));
    }

    @Test
    void withoutWavesEverythingIsOneWaveAndSettledUnitsCountInNone() {
        List<PlannedUnit> units = new java.util.ArrayList<>(IntStream.range(0, 4).mapToObj(i -> unit(i, Map.of())).toList());
        units.add(new PlannedUnit("device/" + UUID.randomUUID(), 0, UnitState.SKIPPED, "not enrolled", List.of(), null, List.of(),
                Map.of()));
        List<PlannedUnit> planned = Waves.assign(null, units);
        assertEquals(5, planned.size());
        assertEquals(Map.of(0, 5L), sizes(planned));
        assertEquals(1, Waves.count(null));
    }

    @Test
    void aSmallPercentageStillTakesOneUnit() {
        List<PlannedUnit> units = IntStream.range(0, 3).mapToObj(i -> unit(i, Map.of())).toList();
        assertEquals(Map.of(0, 1L, 1, 2L), sizes(Waves.assign(List.of(new RolloutSpec.Wave(null, 1, null, null),
                new RolloutSpec.Wave(null, 100, null, null)), units)));
    }

    private static Map<Integer, Long> sizes(List<PlannedUnit> planned) {
        return planned.stream().collect(Collectors.groupingBy(PlannedUnit::wave, Collectors.counting()));
    }

    private static PlannedUnit unit(int index, Map<String, String> labels) {
        return new PlannedUnit(String.format("device/%04d", index), 0, UnitState.PENDING, null, List.of(), null, List.of(), labels);
    }
}
