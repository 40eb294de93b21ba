package io.edgefleet.update.rollout;

import java.util.List;

/**
 * Where one unit of a rollout stands (a machine, or a cluster for a cluster-wide change). A unit
 * waiting for its maintenance window is {@code waiting-for-window}, never just pending: an
 * operator tells it from a stuck one.
 */
public final class UnitState {

    public static final String PENDING = "pending";
    public static final String WAITING_FOR_WINDOW = "waiting-for-window";
    public static final String DISPATCHED = "dispatched";
    public static final String IN_PROGRESS = "in-progress";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public static final List<String> ALL = List.of(PENDING, WAITING_FOR_WINDOW, DISPATCHED, IN_PROGRESS, SUCCEEDED, FAILED, SKIPPED);
    /** Not yet sent (or waiting to be sent again). */
    public static final List<String> WAITING = List.of(PENDING, WAITING_FOR_WINDOW);
    /** Sent, no outcome yet. */
    public static final List<String> IN_FLIGHT = List.of(DISPATCHED, IN_PROGRESS);
    public static final List<String> FINISHED = List.of(SUCCEEDED, FAILED, SKIPPED);

    private UnitState() {
    }
}
