package io.edgefleet.update.rollout;

import io.edgefleet.admission.Admission;
import io.edgefleet.events.EventType;
import io.edgefleet.events.commands.CommandRequested;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.messaging.outbox.Outbox;
import io.edgefleet.policy.engine.AdmissionRequest;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.update.release.ReleaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due units their current step: one command request each (outbox, on
 * {@code fleet.commands.requests}), under a request key naming rollout, unit, step and attempt,
 * so the outcome finds its unit and provisioning takes a repeat as the same command. Before it
 * sends, it checks what may have changed since planning: the device's maintenance window, whether
 * it still exists, how long it has been offline, and the organization's deny rules.
 */
@ApplicationScoped
public class Dispatcher {

    /** Request keys (and so correlation ids) of rollout commands start so. */
    static final String KEY_PREFIX = "update-rollout/";

    private final UnitStore units;
    private final ProjectedDocuments documents;
    private final Admission admission;
    private final RolloutEvents events;
    private final Outbox outbox;
    private final Clock clock;

    public Dispatcher(UnitStore units, ProjectedDocuments documents, Admission admission, RolloutEvents events, Outbox outbox,
                      Clock clock) {
        this.units = units;
        this.documents = documents;
        this.admission = admission;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends up to {@code limit} due units of {@code wave} (null: any); returns how many were sent. */
    int dispatch(Rollout rollout, Integer wave, int limit) {
        if (limit <= 0) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Unit> due = units.due(rollout.id, wave, limit, now);
        Map<UUID, ProjectedDocuments.Document> machines = documents.of(rollout.orgId, due.stream()
                .flatMap(u -> u.currentStep().machines().stream()).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(ProjectedDocuments.Document::deviceId, Function.identity()));
        Optional<MaintenanceWindow> window = Optional.ofNullable(rollout.spec.window()).map(MaintenanceWindow::of);
        Admission.OrgRules rules = admission.rulesOf(rollout.orgId);
        List<UnitStore.Sent> sent = new ArrayList<>();
        for (Unit unit : due) {
            if (window.isPresent() && !window.get().isOpen(now.toInstant(), unit.timeZone())) {
                if (!UnitState.WAITING_FOR_WINDOW.equals(unit.state())) {
                    units.state(unit, UnitState.WAITING_FOR_WINDOW, "outside its maintenance window", now);
                }
                continue;
            }
            send(rollout, unit, machines, rules, now).ifPresent(sent::add);
        }
        units.dispatched(rollout.id, sent, now);
        return sent.size();
    }

    private Optional<UnitStore.Sent> send(Rollout rollout, Unit unit, Map<UUID, ProjectedDocuments.Document> machines,
                                          Admission.OrgRules rules, OffsetDateTime now) {
        Step step = unit.currentStep();
        int choice = target(step, machines);
        if (choice < 0) {
            skip(rollout, unit, "decommissioned", now);
            return Optional.empty();
        }
        ProjectedDocuments.Document device = machines.get(step.machines().get(choice));
        Integer deadline = rollout.spec.devices() == null ? null : rollout.spec.devices().offlineDeadlineSeconds();
        if (deadline != null && offlineLongerThan(device, Duration.ofSeconds(deadline), now.toInstant())) {
            skip(rollout, unit, "offline past the deadline (" + deadline + " s)", now);
            return Optional.empty();
        }
        Optional<Admission.Denial> denial = rules.check(Optional.of(device), () -> admitted(rollout, step));
        if (denial.isPresent()) {
            skip(rollout, unit, "denied by policy: " + denial.get().detail(), now);
            return Optional.empty();
        }
        int attempt = unit.attempts() + 1;
        String key = key(rollout.id, unit.unit(), unit.step(), attempt);
        UUID identity = step.identities().get(choice);
        outbox.record(EventType.COMMAND_REQUESTED, rollout.orgId, identity.toString(), new CommandRequested(identity.toString(),
                CommandType.fromWireName(step.type()).orElseThrow(), step.payload(), null, key, "update-service/rollout/" + rollout.name));
        return Optional.of(new UnitStore.Sent(unit.unit(), key, attempt));
    }

    private void skip(Rollout rollout, Unit unit, String reason, OffsetDateTime now) {
        units.state(unit, UnitState.SKIPPED, reason, now);
        events.unitFinished(rollout.orgId, unit, UnitState.SKIPPED, reason, null);
    }

    /** The index of the machine the step goes to: the first still there and connected, else the first still there; -1: none. */
    private static int target(Step step, Map<UUID, ProjectedDocuments.Document> machines) {
        int present = -1;
        for (int i = 0; i < step.machines().size(); i++) {
            ProjectedDocuments.Document document = machines.get(step.machines().get(i));
            if (document != null && "connected".equals(document.state().connectivity())) {
                return i;
            }
            present = present < 0 && document != null ? i : present;
        }
        return present;
    }

    private static boolean offlineLongerThan(ProjectedDocuments.Document device, Duration deadline, Instant now) {
        var state = device.state();
        if ("connected".equals(state.connectivity())) {
            return false;
        }
        return state.lastSeenAt() == null || state.lastSeenAt().plus(deadline).isBefore(now);
    }

    /** The change a deny rule judges: the command, or for a release step the upgrade it makes. */
    private static AdmissionRequest admitted(Rollout rollout, Step step) {
        if (step.releaseKind() == null) {
            return AdmissionRequest.command(step.type(), step.payload());
        }
        String distribution = ReleaseKind.fromWireName(step.releaseKind()).filter(ReleaseKind::isKubernetes)
                .map(kind -> kind == ReleaseKind.K3S ? "k3s" : "k8s").orElse(null);
        return AdmissionRequest.upgrade(step.releaseKind(), distribution, distribution, step.fromVersion(), step.version(),
                Phase.ROLLING_BACK.wireName().equals(rollout.phase));
    }

    static String key(UUID rolloutId, String unit, int step, int attempt) {
        return KEY_PREFIX + rolloutId + "/" + unit + "/" + step + "/" + attempt;
    }
}
