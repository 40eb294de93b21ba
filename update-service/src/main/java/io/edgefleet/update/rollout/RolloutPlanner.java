package io.edgefleet.update.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.projection.read.ScopeMatcher;
import io.edgefleet.update.release.ReleaseCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a rollout's target into units and waves, from the projected devices: a cluster is one
 * unit for a release or a cluster-wide command, a machine is one otherwise. Reads the projection
 * page by page and keeps only what planning needs of each machine.
 */
@ApplicationScoped
public class RolloutPlanner {

    private static final int PAGE = 1_000;

    private final ProjectedDocuments documents;
    private final ProjectedGroups groups;
    private final ReleaseCatalog catalog;
    private final ObjectMapper json;
    private final Clock clock;

    public RolloutPlanner(ProjectedDocuments documents, ProjectedGroups groups, ReleaseCatalog catalog, ObjectMapper json,
                          Clock clock) {
        this.documents = documents;
        this.groups = groups;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    /** Every unit of the rollout's target, in its waves. */
    public List<PlannedUnit> plan(Rollout rollout) {
        ScopeMatcher scope = new ScopeMatcher(groups, rollout.orgId);
        Map<String, List<FleetMachine>> units = new LinkedHashMap<>();
        UnitSteps.Change change = change(rollout);
        UUID after = null;
        List<ProjectedDocuments.Document> page;
        do {
            page = documents.page(rollout.orgId, after, PAGE);
            for (ProjectedDocuments.Document document : page) {
                if (covers(scope, rollout, document)) {
                    FleetMachine machine = FleetMachine.of(document);
                    units.computeIfAbsent(key(machine, change), k -> new ArrayList<>()).add(machine);
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).deviceId();
        } while (page.size() == PAGE);
        List<PlannedUnit> planned = units.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> UnitSteps.unit(e.getKey(), e.getValue(), change)).toList();
        return Waves.assign(rollout.spec.waves(), planned);
    }

    /**
     * The unit a device that started matching a running rollout belongs to (its cluster's, with all
     * the cluster's machines), or empty when the rollout's target does not cover it.
     */
    public Optional<PlannedUnit> joining(Rollout rollout, UUID deviceId) {
        Optional<ProjectedDocuments.Document> document = documents.of(rollout.orgId, deviceId);
        if (document.isEmpty() || !covers(new ScopeMatcher(groups, rollout.orgId), rollout, document.get())) {
            return Optional.empty();
        }
        UnitSteps.Change change = change(rollout);
        FleetMachine machine = FleetMachine.of(document.get());
        String key = key(machine, change);
        List<FleetMachine> machines = key.startsWith("cluster/")
                ? documents.of(rollout.orgId, documents.machinesOf(rollout.orgId, machine.clusterId())).stream()
                .map(FleetMachine::of).sorted(Comparator.comparing(FleetMachine::deviceId)).toList()
                : List.of(machine);
        return Optional.of(UnitSteps.unit(key, machines.isEmpty() ? List.of(machine) : machines, change));
    }

    private UnitSteps.Change change(Rollout rollout) {
        LocalDate today = LocalDate.now(clock);
        if (rollout.isRelease()) {
            return new UnitSteps.Change(catalog.get(rollout.orgId, rollout.releaseId), catalog.visible(rollout.orgId), today,
                    null, null);
        }
        CommandType type = CommandType.fromWireName(rollout.spec.command().type()).orElseThrow();
        return new UnitSteps.Change(null, List.of(), today, type, rollout.spec.command().payload() == null
                ? json.createObjectNode() : rollout.spec.command().payload());
    }

    private static boolean covers(ScopeMatcher scope, Rollout rollout, ProjectedDocuments.Document document) {
        RolloutSpec.Target target = rollout.spec.target();
        return scope.covers(target.group(), target.labelSelector(), document.deviceId(), document.state().labels());
    }

    private static String key(FleetMachine machine, UnitSteps.Change change) {
        return machine.clusterId() != null && change.clusterWide() ? Unit.clusterKey(machine.clusterId())
                : Unit.deviceKey(machine.deviceId());
    }
}
