package io.edgefleet.update.rollout;

import io.edgefleet.events.EventType;
import io.edgefleet.events.updates.RolloutChanged;
import io.edgefleet.events.updates.RolloutDeviceResult;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** What the rollout engine tells other systems on {@code fleet.updates.events}, through the outbox. */
@ApplicationScoped
public class RolloutEvents {

    private final Outbox outbox;
    private final UnitStore units;
    private final Clock clock;

    public RolloutEvents(Outbox outbox, UnitStore units, Clock clock) {
        this.outbox = outbox;
        this.units = units;
        this.clock = clock;
    }

    /** The rollout as a whole changed ({@code change}: started, wave-started, paused, …); {@code reason} may be null. */
    public void changed(Rollout rollout, String change, String reason) {
        outbox.record(EventType.ROLLOUT_CHANGED, rollout.orgId, rollout.id.toString(), new RolloutChanged(rollout.id.toString(),
                rollout.name, change, rollout.phase, rollout.currentWave, reason, units.counts(rollout.id, null), clock.instant()));
    }

    /** A unit ended: succeeded, failed or skipped. */
    public void unitFinished(String orgId, Unit unit, String state, String reason, String version) {
        List<String> devices = unit.machines().stream().map(UUID::toString).toList();
        outbox.record(EventType.ROLLOUT_DEVICE_RESULT, orgId, unit.rolloutId().toString(), new RolloutDeviceResult(
                unit.rolloutId().toString(), unit.unit(), devices, unit.wave(), state, reason, version, unit.attempts(),
                clock.instant()));
    }
}
