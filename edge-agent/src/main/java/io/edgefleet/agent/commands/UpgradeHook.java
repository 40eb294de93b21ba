package io.edgefleet.agent.commands;

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
}
