package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code edgefleet.inventory.group.changed.v1}: a device group's whole current state,
 * so consumers resolve {@code group=} scopes without calling inventory. Key and subject = groupId.
 *
 * @param kind static (explicit members) or dynamic (a label selector)
 * @param selector the label selector of a dynamic group, else null
 * @param members inventory ids of a static group's members (empty for dynamic groups)
 * @param deleted true once the group is gone
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupChanged(String groupId, String name, String kind, String selector, List<String> members,
                           boolean deleted, Instant changedAt) {
}
