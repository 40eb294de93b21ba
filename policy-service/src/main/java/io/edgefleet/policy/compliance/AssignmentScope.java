package io.edgefleet.policy.compliance;

import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.policy.assignment.Assignment;
import io.edgefleet.projection.read.ProjectedGroups;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an assignment's scope covers a device, decided in memory from the device's labels and
 * the projected group. One instance per evaluation pass: it remembers the groups it looked up.
 */
final class AssignmentScope {

    private final ProjectedGroups groups;
    private final String orgId;
    private final Map<UUID, Optional<ProjectedGroups.ProjectedGroup>> seen = new HashMap<>();
    private final Map<String, LabelSelector> selectors = new HashMap<>();

    AssignmentScope(ProjectedGroups groups, String orgId) {
        this.groups = groups;
        this.orgId = orgId;
    }

    boolean covers(Assignment assignment, UUID deviceId, Map<String, String> labels) {
        Map<String, String> deviceLabels = labels == null ? Map.of() : labels;
        if (assignment.labelSelector != null) {
            return selector(assignment.labelSelector).matches(deviceLabels);
        }
        if (assignment.groupId == null) {
            return true;
        }
        Optional<ProjectedGroups.ProjectedGroup> group = seen.computeIfAbsent(assignment.groupId,
                id -> groups.find(orgId, id.toString()));
        // A group no longer projected (deleted) covers nothing.
        return group.map(g -> g.dynamic() ? selector(g.selector()).matches(deviceLabels)
                : g.members() != null && g.members().contains(deviceId.toString())).orElse(false);
    }

    private LabelSelector selector(String text) {
        return selectors.computeIfAbsent(text == null ? "" : text, LabelSelector::parse);
    }
}
