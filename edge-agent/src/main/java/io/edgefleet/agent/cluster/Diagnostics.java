package io.edgefleet.agent.cluster;

import java.util.List;
import java.util.Map;

/** A summary for troubleshooting: node conditions that are not healthy, warning events, pods not running. */
public record Diagnostics(Map<String, Map<String, String>> nodeConditions, List<String> warningEvents,
                          List<String> podsNotRunning) {
}
