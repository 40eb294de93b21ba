package io.edgefleet.agent.simulator;

import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.agent.commands.UpgradeHook;
import java.time.Duration;

/**
 * Upgrades a simulated machine after a simulated duration; on a machine chosen to fail
 * ({@code fails}) the "upgrade" silently changes nothing, which the agent's verification then
 * catches, as it would a real hook that exited 0 without upgrading.
 */
public class SimulatedUpgradeHook implements UpgradeHook {

    private final SimulatedMachine machine;
    private final Duration duration;
    private final boolean fails;

    public SimulatedUpgradeHook(SimulatedMachine machine, Duration duration, boolean fails) {
        this.machine = machine;
        this.duration = duration;
        this.fails = fails;
    }

    @Override
    public void upgradeKubernetes(String targetVersion) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        if (!fails) {
            machine.upgradeTo(targetVersion);
        }
    }

    @Override
    public void updateOsImage(String imageVersion) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        if (!fails) {
            machine.updateOsImage(imageVersion);
        }
    }
}
