package io.edgefleet.update.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.update.UpdateErrorCode;
import io.edgefleet.update.release.ReleaseKind;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rollout's change is undone on a unit it reached. An OS image goes back, machine by machine,
 * to the image each machine ran before (the product keeps it on its other partition); a command
 * rollout sends the rollback command it was created with. Kubernetes and k3s cannot be downgraded
 * and agents are rolled forward, so their rollouts, and command rollouts without a rollback
 * command, refuse with 409.
 */
final class Rollbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The steps that undo what a unit did. */
    interface Undo {
        List<Step> steps(Unit unit);
    }

    private Rollbacks() {
    }

    static Undo of(ReleaseKind kind) {
        if (kind.isKubernetes()) {
            throw new FleetException(UpdateErrorCode.ROLLBACK_NOT_POSSIBLE, kind.wireName()
                    + " versions cannot be downgraded: roll forward with a fixed release instead");
        }
        if (kind != ReleaseKind.OS_IMAGE) {
            throw new FleetException(UpdateErrorCode.ROLLBACK_NOT_POSSIBLE, "agents are rolled forward: publish a fixed agent release");
        }
        return Rollbacks::previousImages;
    }

    static Undo of(RolloutSpec.CommandChange command) {
        RolloutSpec.RollbackCommand rollback = command.rollback();
        if (rollback == null) {
            throw new FleetException(UpdateErrorCode.ROLLBACK_NOT_POSSIBLE, "the rollout was created without a rollback command");
        }
        return unit -> unit.steps().isEmpty() ? List.of() : List.of(new Step(unit.steps().get(0).machines(),
                unit.steps().get(0).identities(), rollback.type(), rollback.payload() == null ? JSON.createObjectNode()
                : rollback.payload(), null, null, null));
    }

    /** Every step the unit took or has in flight, undone in reverse order. */
    private static List<Step> previousImages(Unit unit) {
        int reached = UnitState.SUCCEEDED.equals(unit.state()) ? unit.steps().size()
                : unit.step() + (UnitState.IN_FLIGHT.contains(unit.state()) ? 1 : 0);
        List<Step> undo = new ArrayList<>();
        for (int i = Math.min(reached, unit.steps().size()) - 1; i >= 0; i--) {
            Step done = unit.steps().get(i);
            if (done.fromVersion() != null) {
                undo.add(new Step(done.machines(), done.identities(), done.type(),
                        JSON.createObjectNode().put("imageVersion", done.fromVersion()), done.releaseKind(), done.fromVersion(),
                        done.version()));
            }
        }
        return undo;
    }
}
