package io.edgefleet.update.rollout;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.text.Choices;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.messaging.commands.CommandPayloadSchemas;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.rest.naming.ResourceNames;
import io.edgefleet.update.UpdateErrorCode;
import io.edgefleet.update.release.Release;
import io.edgefleet.update.release.ReleaseCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What makes a rollout spec valid; every refusal is a 422 naming the field. */
@ApplicationScoped
public class RolloutRules {

    private static final Choices SEVERITIES = Choices.of("critical", "warning", "info");

    private final EntityManager entityManager;
    private final ProjectedGroups groups;
    private final ReleaseCatalog catalog;
    private final CommandPayloadSchemas payloads;
    private final Clock clock;

    public RolloutRules(EntityManager entityManager, ProjectedGroups groups, ReleaseCatalog catalog, CommandPayloadSchemas payloads,
                        Clock clock) {
        this.entityManager = entityManager;
        this.groups = groups;
        this.catalog = catalog;
        this.payloads = payloads;
        this.clock = clock;
    }

    void require(String orgId, UUID id, RolloutSpec spec) {
        ResourceNames.require(entityManager, "Rollout", orgId, id, spec.name(), UpdateErrorCode.ROLLOUT_NAME_TAKEN);
        requireTarget(orgId, spec.target());
        if ((spec.release() == null) == (spec.command() == null)) {
            throw FleetException.unprocessable("spec.release", "a release or a command, one of them");
        }
        if (spec.release() != null) {
            requireRelease(orgId, spec.release());
        } else {
            requireCommand(spec.command());
        }
        requireWaves(spec.waves());
        requireStrategy(spec.strategy());
        requireDevices(spec.devices());
        if (spec.window() != null) {
            MaintenanceWindow.of(spec.window());
        }
        requireGates(spec.gates());
    }

    private static void requireGates(RolloutSpec.Gates gates) {
        if (gates == null) {
            return;
        }
        if (gates.assignments() != null && gates.assignments().stream().anyMatch(a -> a == null || a.isBlank())) {
            throw FleetException.unprocessable("spec.gates.assignments", "names of policy assignments");
        }
        if (gates.alertSeverities() != null && !gates.alertSeverities().stream().allMatch(SEVERITIES::accepts)) {
            throw FleetException.unprocessable("spec.gates.alertSeverities", SEVERITIES.describe());
        }
    }

    private void requireTarget(String orgId, RolloutSpec.Target target) {
        if (target == null || (target.group() == null) == (target.labelSelector() == null)) {
            throw FleetException.unprocessable("spec.target", "a group or a label selector, one of them");
        }
        if (target.group() != null && groups.find(orgId, target.group().toString()).isEmpty()) {
            throw FleetException.unprocessable("spec.target.group", "names no group of this organization");
        }
        if (target.labelSelector() != null) {
            selector("spec.target.labelSelector", target.labelSelector());
        }
    }

    private void requireRelease(String orgId, UUID releaseId) {
        Release release;
        try {
            release = catalog.get(orgId, releaseId);
        } catch (FleetException e) {
            throw FleetException.unprocessable("spec.release", "names no release of the catalog");
        }
        if (!release.supportedOn(LocalDate.now(clock))) {
            throw FleetException.unprocessable("spec.release", release.releaseVersion + " is past its end of support");
        }
    }

    private void requireCommand(RolloutSpec.CommandChange command) {
        requirePayload("spec.command", command.type(), command.payload());
        if (command.rollback() != null) {
            requirePayload("spec.command.rollback", command.rollback().type(), command.rollback().payload());
        }
    }

    private void requirePayload(String field, String typeName, com.fasterxml.jackson.databind.JsonNode payload) {
        CommandType type = CommandType.fromWireName(typeName).orElseThrow(() ->
                FleetException.unprocessable(field + ".type", "one of " + CommandPayloadSchemas.typeNames()));
        List<FieldError> problems = payloads.problems(type, payload, field + ".payload");
        if (!problems.isEmpty()) {
            throw new FleetException(CommonErrorCode.UNPROCESSABLE, problems.get(0).field() + ": " + problems.get(0).message(),
                    problems);
        }
    }

    private static void requireWaves(List<RolloutSpec.Wave> waves) {
        for (int i = 0; waves != null && i < waves.size(); i++) {
            RolloutSpec.Wave wave = waves.get(i);
            String field = "spec.waves[" + i + "]";
            int given = (wave == null ? 0 : (wave.count() != null ? 1 : 0) + (wave.percentage() != null ? 1 : 0)
                    + (wave.selector() != null ? 1 : 0));
            if (given != 1) {
                throw FleetException.unprocessable(field, "a count, a percentage or a selector, one of them");
            }
            range(field + ".count", wave.count(), 1, 1_000_000);
            range(field + ".percentage", wave.percentage(), 1, 100);
            if (wave.selector() != null) {
                selector(field + ".selector", wave.selector());
            }
        }
    }

    private static void requireStrategy(RolloutSpec.Strategy strategy) {
        if (strategy != null) {
            range("spec.strategy.concurrency", strategy.concurrency(), 0, 1_000_000);
            range("spec.strategy.soakSeconds", strategy.soakSeconds(), 0, 7 * 24 * 3600);
            range("spec.strategy.successThreshold", strategy.successThreshold(), 0, 100);
            range("spec.strategy.failureThreshold", strategy.failureThreshold(), 0, 100);
            range("spec.strategy.dispatchesPerSecond", strategy.dispatchesPerSecond(), 0, 100_000);
        }
    }

    private static void requireDevices(RolloutSpec.DevicePolicy devices) {
        if (devices != null) {
            range("spec.devices.attempts", devices.attempts(), 1, 10);
            range("spec.devices.retryBackoffSeconds", devices.retryBackoffSeconds(), 1, 24 * 3600);
            range("spec.devices.offlineDeadlineSeconds", devices.offlineDeadlineSeconds(), 1, 30 * 24 * 3600);
        }
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw FleetException.unprocessable(field, min + " to " + max);
        }
    }

    private static void selector(String field, String text) {
        try {
            LabelSelector.parse(text);
        } catch (FleetException e) {
            throw FleetException.unprocessable(field, "a label selector such as site=berlin: " + e.getMessage());
        }
    }
}
