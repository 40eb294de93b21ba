package io.edgefleet.update.release;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.edgefleet.events.commands.CommandType;
import java.util.Arrays;
import java.util.Optional;

/** What a release updates, with its wire name and the command that installs it on a machine. */
public enum ReleaseKind {

    /** A Kubernetes (k8s) version, e.g. {@code v1.30.4}. */
    KUBERNETES("kubernetes", CommandType.UPGRADE_KUBERNETES),
    /** A k3s version, e.g. {@code v1.30.4+k3s1}. */
    K3S("k3s", CommandType.UPGRADE_KUBERNETES),
    /** The Linux node's image (monthly), e.g. {@code 2.0.20241101}; the machine keeps the previous one (A/B). */
    OS_IMAGE("os-image", CommandType.UPDATE_OS_IMAGE),
    /** The edge agent itself, e.g. {@code 0.4.0}. */
    AGENT("agent", CommandType.UPDATE_AGENT);

    private final String wireName;
    private final CommandType command;

    ReleaseKind(String wireName, CommandType command) {
        this.wireName = wireName;
        this.command = command;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public CommandType command() {
        return command;
    }

    /** Kubernetes and k3s: versions that cannot be downgraded and whose minor versions are taken one at a time. */
    public boolean isKubernetes() {
        return this == KUBERNETES || this == K3S;
    }

    /** The release kind of a cluster distribution as inventory reports it ({@code k8s} or {@code k3s}). */
    public static Optional<ReleaseKind> ofDistribution(String distribution) {
        return "k3s".equals(distribution) ? Optional.of(K3S) : "k8s".equals(distribution) ? Optional.of(KUBERNETES) : Optional.empty();
    }

    public static Optional<ReleaseKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static ReleaseKind fromJson(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown release kind " + name));
    }
}
