package io.edgefleet.events.commands;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Commands an agent executes, with their wire names and scopes. Each type's payload has a JSON
 * Schema at {@code schemas/commands/<wireName>.json}.
 */
public enum CommandType {

    APPLY_MANIFESTS("apply-manifests", Scope.CLUSTER),
    DELETE_MANIFESTS("delete-manifests", Scope.CLUSTER),
    UPGRADE_KUBERNETES("upgrade-kubernetes", Scope.MACHINE),
    UPDATE_OS_IMAGE("update-os-image", Scope.MACHINE),
    ROTATE_CREDENTIALS("rotate-credentials", Scope.MACHINE),
    COLLECT_DIAGNOSTICS("collect-diagnostics", Scope.MACHINE),
    RESTART_AGENT("restart-agent", Scope.MACHINE),
    /** Installs another agent version; the agent verifies the artifact's signature against its trust bundle first. */
    UPDATE_AGENT("update-agent", Scope.MACHINE),
    /**
     * Fetch the machine's GitOps configurations now: gitops-service's nudge when they changed. The
     * configurations (and their credentials) are fetched from gitops-service, never carried here.
     */
    SYNC_CONFIGURATIONS("sync-configurations", Scope.MACHINE);

    /**
     * What a command acts on. A {@code cluster} command acts on the cluster as a whole: sent to
     * a cluster, it runs on exactly one of its connected machines. A {@code machine} command acts
     * on the machine that runs it (its nodes, its agent): each machine needs its own.
     */
    public enum Scope {
        CLUSTER, MACHINE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase();
        }
    }

    private final String wireName;
    private final Scope scope;

    CommandType(String wireName, Scope scope) {
        this.wireName = wireName;
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
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
