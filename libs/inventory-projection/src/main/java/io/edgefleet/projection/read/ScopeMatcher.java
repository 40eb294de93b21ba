package io.edgefleet.projection.read;

import io.edgefleet.core.labels.LabelSelector;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a scope (a group, a label selector, or neither: the whole organization) covers one
 * device, decided in memory from the device's labels and the projected group. One instance per
 * pass over devices: it remembers the groups it looked up and the selectors it parsed.
 */
public final class ScopeMatcher {

    private final ProjectedGroups groups;
    private final String orgId;
    private final Map<UUID, Optional<ProjectedGroups.ProjectedGroup>> seen = new HashMap<>();
    private final Map<String, LabelSelector> selectors = new HashMap<>();

    public ScopeMatcher(ProjectedGroups groups, String orgId) {
        this.groups = groups;
        this.orgId = orgId;
    }

    /**
     * @param deviceId the device's inventory id (static groups list inventory ids)
     * @param labels the device's labels
     */
    public boolean covers(UUID groupId, String labelSelector, UUID deviceId, Map<String, String> labels) {
        Map<String, String> deviceLabels = labels == null ? Map.of() : labels;
        if (labelSelector != null) {
            return selector(labelSelector).matches(deviceLabels);
        }
        if (groupId == null) {
            return true;
        }
        Optional<ProjectedGroups.ProjectedGroup> group = seen.computeIfAbsent(groupId, id -> groups.find(orgId, id.toString()));
        // A group no longer projected (deleted) covers nothing.
        return group.map(g -> g.dynamic() ? selector(g.selector()).matches(deviceLabels)
                : g.members() != null && g.members().contains(deviceId.toString())).orElse(false);
    }

    private LabelSelector selector(String text) {
        return selectors.computeIfAbsent(text == null ? "" : text, LabelSelector::parse);
    }
}
