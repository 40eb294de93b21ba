package io.edgefleet.inventory.service;

import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.GroupChanged;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.edgefleet.inventory.repository.DeviceGroupRepository;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Publishes a group's whole state with every change, in the caller's transaction, so that
 * telemetry, policy and update resolve {@code group=} scopes from their own projections.
 */
@ApplicationScoped
public class GroupEvents {

    private final Outbox outbox;
    private final DeviceGroupRepository groups;
    private final Clock clock;

    public GroupEvents(Outbox outbox, DeviceGroupRepository groups, Clock clock) {
        this.outbox = outbox;
        this.groups = groups;
        this.clock = clock;
    }

    public void changed(DeviceGroup group) {
        List<String> members = groups.members(group.id).stream().map(UUID::toString).toList();
        record(group, members, false);
    }

    public void deleted(DeviceGroup group) {
        record(group, List.of(), true);
    }

    private void record(DeviceGroup group, List<String> members, boolean deleted) {
        outbox.record(EventType.GROUP_CHANGED, group.orgId, group.id.toString(), new GroupChanged(group.id.toString(),
                group.name, group.kind.name().toLowerCase(), group.selector, members, deleted, clock.instant()));
    }
}
