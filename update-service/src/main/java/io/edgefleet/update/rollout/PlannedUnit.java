package io.edgefleet.update.rollout;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A unit as planned, before it is stored: pending, or already settled (skipped with the reason,
 * or succeeded when it runs the target already).
 *
 * @param labels the labels of its first machine, which wave selectors match
 */
public record PlannedUnit(String unit, int wave, String state, String reason, List<UUID> machines, String timeZone,
                          List<Step> steps, Map<String, String> labels) {

    public PlannedUnit inWave(int wave) {
        return new PlannedUnit(unit, wave, state, reason, machines, timeZone, steps, labels);
    }

    public boolean isPending() {
        return UnitState.PENDING.equals(state);
    }
}
