package io.edgefleet.events.commands;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Commands an agent executes, with their wire names. Each type's payload has a JSON Schema at
 * {@code schemas/commands/<wireName>.json}.
 */
public enum CommandType {

    APPLY_MANIFESTS("apply-manifests"),
    DELETE_MANIFESTS("delete-manifests"),
    UPGRADE_KUBERNETES("upgrade-kubernetes"),
    UPDATE_OS_IMAGE("update-os-image"),
    ROTATE_CREDENTIALS("rotate-credentials"),
    COLLECT_DIAGNOSTICS("collect-diagnostics"),
    RESTART_AGENT("restart-agent");

    private final String wireName;

    CommandType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String payloadSchemaResource() {
        return "/schemas/commands/" + wireName + ".json";
    }

    public static Optional<CommandType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static CommandType fromJson(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown command type " + name));
    }
}
