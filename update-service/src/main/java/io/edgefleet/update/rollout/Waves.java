package io.edgefleet.update.rollout;

import io.edgefleet.core.labels.LabelSelector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a rollout's units into its waves, in order: a selector wave takes every unit left that
 * matches it, a count wave the next units, a percentage wave that share of all units (at least
 * one); units no wave takes join the last. Units settled at planning (skipped, already at the
 * target) count in no wave and are filed under wave 0.
 */
final class Waves {

    private Waves() {
    }

    static int count(List<RolloutSpec.Wave> waves) {
        return waves == null || waves.isEmpty() ? 1 : waves.size();
    }

    static List<PlannedUnit> assign(List<RolloutSpec.Wave> waves, List<PlannedUnit> units) {
        List<PlannedUnit> planned = new ArrayList<>();
        LinkedList<PlannedUnit> left = new LinkedList<>();
        for (PlannedUnit unit : units) {
            if (unit.isPending()) {
                left.add(unit);
            } else {
                planned.add(unit.inWave(0));
            }
        }
        int total = left.size();
        int count = count(waves);
        for (int index = 0; index < count; index++) {
            boolean last = index == count - 1;
            RolloutSpec.Wave wave = waves == null || waves.isEmpty() ? new RolloutSpec.Wave(null, 100, null, null) : waves.get(index);
            List<PlannedUnit> taken = last ? List.copyOf(left) : take(wave, left, total);
            if (last) {
                left.clear();
            }
            int number = index;
            taken.forEach(unit -> planned.add(unit.inWave(number)));
        }
        return planned;
    }

    /**
     * The wave a unit joining a running rollout goes to, no earlier than {@code earliest} (the
     * current wave while it still sends, else the next): the first selector wave from there on
     * that matches the unit — a newcomer of site=paris joins the paris wave, as planning would have
     * put it —, else {@code earliest}; empty when {@code earliest} is past the last wave.
     */
    static Optional<Integer> forJoiner(List<RolloutSpec.Wave> waves, Map<String, String> labels, int earliest) {
        int count = count(waves);
        for (int index = earliest; waves != null && index < count; index++) {
            String selector = waves.get(index).selector();
            if (selector != null && LabelSelector.parse(selector).matches(labels)) {
                return Optional.of(index);
            }
        }
        return earliest < count ? Optional.of(earliest) : Optional.empty();
    }

    /** Takes this wave's units out of {@code left}. */
    private static List<PlannedUnit> take(RolloutSpec.Wave wave, List<PlannedUnit> left, int total) {
        List<PlannedUnit> taken = new ArrayList<>();
        LabelSelector selector = wave.selector() == null ? null : LabelSelector.parse(wave.selector());
        int size = selector != null ? Integer.MAX_VALUE : wave.count() != null ? wave.count()
                : Math.max(1, (int) Math.ceil(total * wave.percentage() / 100.0));
        Iterator<PlannedUnit> units = left.iterator();
        while (units.hasNext() && taken.size() < size) {
            PlannedUnit unit = units.next();
            if (selector == null || selector.matches(unit.labels())) {
                taken.add(unit);
                units.remove();
            }
        }
        return taken;
    }
}
