package io.edgefleet.inventory.repository;

import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Lifecycle;
import java.util.Optional;
import java.util.UUID;

/**
 * What a device list is narrowed by; every part is optional except the organization.
 *
 * @param groupMembersOf devices that are explicit members of this static group
 * @param groupSelector the selector of a dynamic group, ANDed with {@code selector}
 * @param text free text matched against name, external id and host OS
 */
public record DeviceFilter(String orgId, LabelSelector selector, Optional<Lifecycle> lifecycle,
                           Optional<Connectivity> connectivity, Optional<String> distribution,
                           Optional<String> kubernetesVersion, Optional<UUID> groupMembersOf,
                           Optional<LabelSelector> groupSelector, Optional<String> text) {

    public static DeviceFilter everything(String orgId) {
        return matching(orgId, LabelSelector.parse(null));
    }

    /** Every device whose labels match {@code selector}. */
    public static DeviceFilter matching(String orgId, LabelSelector selector) {
        return new DeviceFilter(orgId, selector, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
