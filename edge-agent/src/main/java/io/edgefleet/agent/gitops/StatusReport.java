package io.edgefleet.agent.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.cluster.FluxState;
import java.util.Map;

/**
 * The whole state of a cluster's configurations as gitops-service takes it
 * ({@code PUT /api/v1/agent/configurations/status}): each configuration's Kustomizations with
 * Flux's Ready condition, or why the agent applied nothing of it. Texts are capped at the
 * service's limits, so that Flux's long messages never get a report refused.
 */
final class StatusReport {

    private static final int TEXT = 1_024;
    private static final int SHORT_TEXT = 253;

    private final ObjectMapper json;

    StatusReport(ObjectMapper json) {
        this.json = json;
    }

    /**
     * No Flux on the cluster. The configurations held are still named with their versions, so a
     * changed set is a changed report and is sent again (the service judges each change afresh).
     */
    ObjectNode fluxMissing(DesiredSet set) {
        ObjectNode report = json.createObjectNode().put("fluxInstalled", false);
        ArrayNode configurations = report.putArray("configurations");
        set.configurations().forEach(c -> configurations.addObject().put("id", c.id()).put("resourceVersion", c.resourceVersion()));
        return report;
    }

    /** @param refusals why a configuration was not applied, by its id */
    ObjectNode of(DesiredSet set, FluxState state, Map<String, String> refusals) {
        ObjectNode report = json.createObjectNode().put("fluxInstalled", true);
        ArrayNode configurations = report.putArray("configurations");
        for (DesiredSet.Configuration c : set.configurations()) {
            ObjectNode status = configurations.addObject().put("id", c.id());
            if (refusals.containsKey(c.id())) {
                status.put("resourceVersion", c.resourceVersion()).put("message", capped(refusals.get(c.id()), TEXT));
                continue;
            }
            ArrayNode kustomizations = status.putArray("kustomizations");
            String applied = null;
            for (DesiredSet.Kustomization k : c.kustomizations()) {
                ObjectNode entry = kustomizations.addObject().put("name", k.name());
                FluxState.FluxObject object = find(state, FluxObjects.kustomizationName(c, k));
                if (object != null) {
                    applied = applied == null ? object.resourceVersion() : applied;
                    // On the cluster but not looked at by Flux yet: reconciling, not missing.
                    entry.put("ready", object.ready() == null ? "Unknown" : object.ready())
                            .put("reason", capped(object.reason(), SHORT_TEXT)).put("message", capped(object.message(), TEXT)).put("revision", capped(object.revision(), SHORT_TEXT));
                }
            }
            status.put("resourceVersion", applied);
        }
        return report;
    }

    /** Whether Flux is still at a Kustomization of the report (neither Ready nor failed yet). */
    static boolean settling(ObjectNode report) {
        for (var configuration : report.path("configurations")) {
            for (var kustomization : configuration.path("kustomizations")) {
                String ready = kustomization.path("ready").asText("");
                if (!ready.equals("True") && !ready.equals("False")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static FluxState.FluxObject find(FluxState state, String name) {
        return state.objects().stream().filter(o -> FluxObjects.KUSTOMIZATION.equals(o.kind()) && name.equals(o.name()))
                .findFirst().orElse(null);
    }

    private static String capped(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
