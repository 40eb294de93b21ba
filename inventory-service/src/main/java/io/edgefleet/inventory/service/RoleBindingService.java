package io.edgefleet.inventory.service;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.labels.Labels;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.events.EventType;
import io.edgefleet.events.inventory.RoleBindingChanged;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.edgefleet.inventory.domain.RoleBinding;
import io.edgefleet.inventory.repository.DeviceGroupRepository;
import io.edgefleet.inventory.repository.RoleBindingRepository;
import io.edgefleet.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Role bindings, managed by admins. Each change publishes the binding's whole state, from which
 * every service (inventory included, through its projection) enforces it.
 */
@ApplicationScoped
public class RoleBindingService {

    private final RoleBindingRepository bindings;
    private final DeviceGroupRepository groups;
    private final Outbox outbox;
    private final Clock clock;

    public RoleBindingService(RoleBindingRepository bindings, DeviceGroupRepository groups, Outbox outbox, Clock clock) {
        this.bindings = bindings;
        this.groups = groups;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public RoleBinding create(String orgId, String actor, RoleBindingSpec spec) {
        RoleBinding binding = new RoleBinding();
        binding.id = UUID.randomUUID();
        binding.orgId = orgId;
        binding.createdAt = OffsetDateTime.now(clock);
        binding.createdBy = actor;
        apply(binding, spec);
        bindings.persist(binding);
        publish(binding, false);
        return binding;
    }

    @Transactional
    public RoleBinding replace(String orgId, UUID id, RoleBindingSpec spec, Optional<Long> expectedVersion) {
        RoleBinding binding = get(orgId, id);
        Versions.require(expectedVersion, binding.version, "role binding " + id);
        apply(binding, spec);
        publish(binding, false);
        return binding;
    }

    @Transactional
    public void delete(String orgId, UUID id) {
        RoleBinding binding = get(orgId, id);
        publish(binding, true);
        bindings.delete(binding);
    }

    @Transactional
    public RoleBinding get(String orgId, UUID id) {
        return bindings.findInOrg(orgId, id).orElseThrow(
                () -> new FleetException(InventoryErrorCode.ROLE_BINDING_NOT_FOUND, "no role binding " + id));
    }

    @Transactional
    public List<RoleBinding> page(String orgId, Optional<String> name, Keyset<RoleBinding> page) {
        return bindings.page(orgId, name, page);
    }

    private void apply(RoleBinding binding, RoleBindingSpec spec) {
        Labels.validate("labels", spec.labels());
        if (bindings.nameTaken(binding.orgId, spec.name(), binding.id)) {
            throw new FleetException(InventoryErrorCode.ROLE_BINDING_NAME_TAKEN, "a role binding named '" + spec.name() + "' exists");
        }
        String selector = spec.labelSelector() == null || spec.labelSelector().isBlank() ? null
                : LabelSelector.parse(spec.labelSelector()).toString();
        UUID[] groupIds = resolveGroups(binding.orgId, spec.groups());
        if ("admin".equals(spec.role()) && (selector != null || groupIds.length > 0)) {
            throw FleetException.unprocessable("spec.role", "admin covers the whole organization: give no groups and no labelSelector");
        }
        binding.name = spec.name();
        binding.labels = new HashMap<>(spec.labels() == null ? java.util.Map.of() : spec.labels());
        binding.subjectKind = spec.subjectKind();
        binding.subject = spec.subject();
        binding.role = spec.role();
        binding.groupIds = groupIds;
        binding.selector = selector;
    }

    /** Groups by id or name, stored by id: renaming a group keeps its bindings. */
    private UUID[] resolveGroups(String orgId, List<String> refs) {
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (String ref : refs == null ? List.<String>of() : refs) {
            ids.add(group(orgId, ref.trim()).map(g -> g.id).orElseThrow(
                    () -> FleetException.unprocessable("spec.scope.groups", "no group " + ref)));
        }
        return ids.toArray(UUID[]::new);
    }

    private Optional<DeviceGroup> group(String orgId, String ref) {
        try {
            return groups.findInOrg(orgId, UUID.fromString(ref));
        } catch (IllegalArgumentException notAnId) {
            return groups.findByName(orgId, ref);
        }
    }

    private void publish(RoleBinding binding, boolean deleted) {
        outbox.record(EventType.ROLE_BINDING_CHANGED, binding.orgId, binding.id.toString(), new RoleBindingChanged(
                binding.id.toString(), binding.name, binding.subjectKind, binding.subject, binding.role,
                binding.organizationWide(), Arrays.stream(binding.groupIds).map(UUID::toString).toList(), binding.selector,
                deleted, clock.instant()));
    }
}
