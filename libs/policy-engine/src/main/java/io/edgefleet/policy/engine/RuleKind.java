package io.edgefleet.policy.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule judges. A {@code device} rule reads {@code device}, {@code cluster}, {@code params}
 * and {@code now}; an {@code admission} rule also reads {@code request}, the change proposed for
 * that device (a command with its payload, or an upgrade).
 */
public enum RuleKind {
    DEVICE("device"),
    ADMISSION("admission");

    private final String wire;

    RuleKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<RuleKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(value)).findFirst();
    }
}
