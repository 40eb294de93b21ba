package io.edgefleet.update.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.update.release.Release;
import io.edgefleet.update.release.ReleaseSpec;
import io.edgefleet.update.release.ReleaseVersion;
import io.edgefleet.update.release.UpgradePaths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The steps of one unit for a rollout's change. A release walks its upgrade path hop by hop and,
 * within each hop, the unit's machines one at a time, control plane first: a cluster never has two
 * machines changing at once. A command is one step: to the cluster (its machines in order of
 * preference) or to the machine.
 */
final class UnitSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The change of one rollout, ready to be planned for any unit. */
    record Change(Release release, List<Release> catalog, LocalDate today, CommandType command, JsonNode payload) {

        boolean clusterWide() {
            return release != null || command.scope() == CommandType.Scope.CLUSTER;
        }
    }

    private UnitSteps() {
    }

    /** The unit of {@code machines} (one machine, or one cluster's), planned. */
    static PlannedUnit unit(String key, List<FleetMachine> machines, Change change) {
        List<FleetMachine> ordered = machines.stream().sorted(Comparator.comparing((FleetMachine m) -> !m.controlPlane())
                .thenComparing(FleetMachine::deviceId)).toList();
        List<UUID> ids = ordered.stream().map(FleetMachine::deviceId).toList();
        List<FleetMachine> enrolled = ordered.stream().filter(m -> m.identityId() != null).toList();
        FleetMachine first = ordered.get(0);
        if (enrolled.isEmpty()) {
            return settled(key, ids, first, UnitState.SKIPPED, "not enrolled: no command can reach it");
        }
        if (change.release() == null) {
            Step step = new Step(enrolled.stream().map(FleetMachine::deviceId).toList(),
                    enrolled.stream().map(FleetMachine::identityId).toList(), change.command().wireName(), change.payload(), null, null,
                    null);
            return new PlannedUnit(key, 0, UnitState.PENDING, null, ids, first.timeZone(), List.of(step), first.labels());
        }
        return change.release().kind.isKubernetes() ? kubernetes(key, ids, enrolled, change) : perMachine(key, ids, enrolled, change);
    }

    private static PlannedUnit kubernetes(String key, List<UUID> ids, List<FleetMachine> machines, Change change) {
        FleetMachine first = machines.get(0);
        UpgradePaths.Path path = UpgradePaths.plan(first.versions(), change.release(), change.catalog(), change.today());
        if (!path.allowed()) {
            boolean done = path.refusal().startsWith("already at");
            return settled(key, ids, first, done ? UnitState.SUCCEEDED : UnitState.SKIPPED,
                    done ? path.refusal() : "invalid upgrade path: " + path.refusal());
        }
        List<Step> steps = new ArrayList<>();
        String from = first.versions().kubernetes().text();
        for (Release hop : path.hops()) {
            for (FleetMachine machine : machines) {
                steps.add(machineStep(machine, hop, from));
            }
            from = hop.releaseVersion;
        }
        return new PlannedUnit(key, 0, UnitState.PENDING, null, ids, first.timeZone(), List.copyOf(steps), first.labels());
    }

    private static PlannedUnit perMachine(String key, List<UUID> ids, List<FleetMachine> machines, Change change) {
        FleetMachine first = machines.get(0);
        ReleaseVersion target = change.release().parsedVersion();
        List<Step> steps = new ArrayList<>();
        for (FleetMachine machine : machines) {
            ReleaseVersion current = machine.versions().current(change.release().kind);
            if (target.equals(current)) {
                continue;
            }
            UpgradePaths.Path path = UpgradePaths.plan(machine.versions(), change.release(), change.catalog(), change.today());
            if (!path.allowed()) {
                return settled(key, ids, first, UnitState.SKIPPED, "invalid upgrade path for machine " + machine.deviceId() + ": "
                        + path.refusal());
            }
            steps.add(machineStep(machine, change.release(), current.text()));
        }
        if (steps.isEmpty()) {
            return settled(key, ids, first, UnitState.SUCCEEDED, "already at " + target);
        }
        return new PlannedUnit(key, 0, UnitState.PENDING, null, ids, first.timeZone(), List.copyOf(steps), first.labels());
    }

    private static Step machineStep(FleetMachine machine, Release release, String fromVersion) {
        return new Step(List.of(machine.deviceId()), List.of(machine.identityId()), release.kind.command().wireName(),
                payload(release, release.releaseVersion), release.kind.wireName(), release.releaseVersion, fromVersion);
    }

    /** The payload of the command that installs {@code version} of {@code release}'s kind. */
    static JsonNode payload(Release release, String version) {
        ObjectNode payload = JSON.createObjectNode();
        ReleaseSpec.Artifact artifact = release.artifacts == null || release.artifacts.isEmpty() ? null : release.artifacts.get(0);
        switch (release.kind) {
            case KUBERNETES, K3S -> payload.put("targetVersion", version);
            case OS_IMAGE -> {
                payload.put("imageVersion", version);
                if (artifact != null && artifact.url().length() <= 253 && version.equals(release.releaseVersion)) {
                    payload.put("imageUrl", artifact.url());
                }
            }
            case AGENT -> {
                ReleaseSpec.Artifact signed = release.artifacts.stream().filter(a -> a.signature() != null).findFirst().orElseThrow();
                payload.put("version", version).put("artifactUrl", signed.url()).put("sha256", signed.sha256())
                        .put("signature", signed.signature());
            }
        }
        return payload;
    }

    private static PlannedUnit settled(String key, List<UUID> ids, FleetMachine first, String state, String reason) {
        return new PlannedUnit(key, 0, state, reason, ids, first.timeZone(), List.of(), first.labels());
    }
}
