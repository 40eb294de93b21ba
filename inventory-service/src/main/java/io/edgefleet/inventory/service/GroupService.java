package io.edgefleet.inventory.service;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.edgefleet.inventory.repository.DeviceFilter;
import io.edgefleet.inventory.repository.DeviceGroupRepository;
import io.edgefleet.inventory.repository.DeviceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Static groups (explicit members) and dynamic groups (a label selector). */
@ApplicationScoped
public class GroupService {

    private final DeviceGroupRepository groups;
    private final DeviceRepository devices;
    private final Clock clock;
    private final GroupEvents events;

    public GroupService(DeviceGroupRepository groups, DeviceRepository devices, Clock clock, GroupEvents events) {
        this.groups = groups;
        this.devices = devices;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public DeviceGroup create(String orgId, String name, DeviceGroup.Kind kind, String selector, List<UUID> members) {
        if (groups.findByName(orgId, name).isPresent()) {
            throw new FleetException(InventoryErrorCode.GROUP_NAME_TAKEN, "a group named '" + name + "' exists");
        }
        if (kind == DeviceGroup.Kind.DYNAMIC && (selector == null || LabelSelector.parse(selector).isEmpty())) {
            throw FleetException.unprocessable("labelSelector", "a dynamic group needs a non-empty label selector");
        }
        if (kind == DeviceGroup.Kind.STATIC && selector != null) {
            throw FleetException.unprocessable("labelSelector", "a static group has members, not a selector");
        }
        DeviceGroup group = new DeviceGroup();
        group.id = UUID.randomUUID();
        group.orgId = orgId;
        group.name = name;
        group.kind = kind;
        group.selector = selector == null ? null : LabelSelector.parse(selector).toString();
        group.createdAt = OffsetDateTime.now(clock);
        groups.persistAndFlush(group);
        for (UUID member : members == null ? List.<UUID>of() : members) {
            devices.findInOrg(orgId, member).orElseThrow(() -> FleetException.unprocessable("members", "no device " + member));
            groups.addMember(group.id, member);
        }
        events.changed(group);
        return group;
    }

    @Transactional
    public DeviceGroup addMember(String orgId, UUID groupId, UUID deviceId) {
        DeviceGroup group = staticGroup(orgId, groupId);
        devices.findInOrg(orgId, deviceId).orElseThrow(() -> FleetException.unprocessable("members",
                "no device " + deviceId));
        groups.addMember(group.id, deviceId);
        events.changed(group);
        return group;
    }

    @Transactional
    public DeviceGroup removeMember(String orgId, UUID groupId, UUID deviceId) {
        DeviceGroup group = staticGroup(orgId, groupId);
        groups.removeMember(group.id, deviceId);
        events.changed(group);
        return group;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        DeviceGroup group = get(orgId, id);
        events.deleted(group);
        groups.delete(group);
    }

    public DeviceGroup get(String orgId, UUID id) {
        return groups.findInOrg(orgId, id).orElseThrow(
                () -> new FleetException(InventoryErrorCode.GROUP_NOT_FOUND, "no group " + id));
    }

    /** Narrows a device filter to a group's members, the group named by id or name. */
    public DeviceFilter restrictTo(DeviceFilter filter, String groupRef) {
        DeviceGroup group = resolve(filter.orgId(), groupRef);
        if (group.kind == DeviceGroup.Kind.STATIC) {
            return new DeviceFilter(filter.orgId(), filter.selector(), filter.lifecycle(), filter.connectivity(),
                    filter.distribution(), filter.kubernetesVersion(), Optional.of(group.id), Optional.empty(), filter.text());
        }
        return new DeviceFilter(filter.orgId(), filter.selector(), filter.lifecycle(), filter.connectivity(),
                filter.distribution(), filter.kubernetesVersion(), Optional.empty(),
                Optional.of(LabelSelector.parse(group.selector)), filter.text());
    }

    private DeviceGroup resolve(String orgId, String ref) {
        try {
            return get(orgId, UUID.fromString(ref));
        } catch (IllegalArgumentException notAnId) {
            return groups.findByName(orgId, ref).orElseThrow(
                    () -> new FleetException(InventoryErrorCode.GROUP_NOT_FOUND, "no group " + ref));
        }
    }

    private DeviceGroup staticGroup(String orgId, UUID groupId) {
        DeviceGroup group = get(orgId, groupId);
        if (group.kind != DeviceGroup.Kind.STATIC) {
            throw new FleetException(InventoryErrorCode.GROUP_NOT_STATIC, "group " + group.name + " is dynamic");
        }
        return group;
    }
}
