package io.edgefleet.telemetry.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an alert rule watches; the wire names are part of the REST and event contracts. */
public enum RuleKind {

    THRESHOLD("threshold"), OFFLINE("offline"), COMMAND_FAILURE_RATE("command-failure-rate");

    private final String wireName;

    RuleKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static RuleKind fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule kind " + name));
    }
}
