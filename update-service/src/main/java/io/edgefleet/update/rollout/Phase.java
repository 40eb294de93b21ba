package io.edgefleet.update.rollout;

import java.util.Arrays;
import java.util.Set;

/** A rollout's {@code status.phase}: draft → scheduled → running ⇄ paused → completed | cancelled | failed | rolled-back. */
public enum Phase {

    DRAFT("draft"), SCHEDULED("scheduled"), RUNNING("running"), PAUSED("paused"), COMPLETED("completed"),
    CANCELLED("cancelled"), FAILED("failed"), ROLLING_BACK("rolling-back"), ROLLED_BACK("rolled-back");

    /** Phases the engine works on. */
    public static final Set<Phase> ACTIVE = Set.of(SCHEDULED, RUNNING, ROLLING_BACK);

    private final String wireName;

    Phase(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED || this == ROLLED_BACK;
    }

    public static Phase of(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown stored phase " + wireName));
    }
}
