package io.edgefleet.agent.simulator;

import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.commands.UpgradeHook;
import java.time.Duration;
import java.util.Random;

/**
 * Upgrades a simulated cluster after a simulated duration; with probability {@code failureRate}
 * the "upgrade" silently changes nothing, which the agent's verification then catches.
 */
public class SimulatedUpgradeHook implements UpgradeHook {

    private final SimulatedCluster cluster;
    private final Duration duration;
    private final double failureRate;
    private final Random random;

    public SimulatedUpgradeHook(SimulatedCluster cluster, Duration duration, double failureRate, Random random) {
        this.cluster = cluster;
        this.duration = duration;
        this.failureRate = failureRate;
        this.random = random;
    }

    @Override
    public void upgradeKubernetes(String targetVersion) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        if (random.nextDouble() >= failureRate) {
            cluster.upgradeTo(targetVersion);
        }
    }

    @Override
    public void updateOsImage(String imageVersion) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        if (random.nextDouble() >= failureRate) {
            cluster.updateOsImage(imageVersion);
        }
    }
}
