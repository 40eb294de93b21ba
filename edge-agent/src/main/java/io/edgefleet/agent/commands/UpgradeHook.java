package io.edgefleet.agent.commands;

import java.nio.file.Path;

/**
 * What actually upgrades the machine: on a device a configured script (AKS Edge Essentials'
 * own upgrade cmdlets run there), in the simulator a change of the simulated cluster. The
 * agent verifies the outcome through the Kubernetes API afterwards; the hook's word is not enough.
 */
public interface UpgradeHook {

    /** Upgrades Kubernetes to {@code targetVersion}; returns normally when the hook finished. */
    void upgradeKubernetes(String targetVersion) throws Exception;

    /** Updates the Linux node's OS image to {@code imageVersion}. */
    void updateOsImage(String imageVersion) throws Exception;

    /**
     * Installs a verified agent release and schedules the agent's restart into it, returning
     * before that restart, so the agent can report the command first; the restarted agent reports
     * its new version.
     */
    default void installAgent(String version, Path artifact) throws Exception {
        throw new IllegalStateException("this machine's hook installs no agent release");
    }
}
