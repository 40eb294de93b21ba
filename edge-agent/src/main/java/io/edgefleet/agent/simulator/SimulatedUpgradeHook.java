package io.edgefleet.agent.simulator;

import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.agent.commands.UpgradeHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Upgrades a simulated machine after a simulated duration; on a machine chosen to fail
 * ({@code fails}) the "upgrade" silently changes nothing, which the agent's verification then
 * catches, as it would a real hook that exited 0 without upgrading.
 */
public class SimulatedUpgradeHook implements UpgradeHook {

    private final SimulatedMachine machine;
    private final Duration duration;
    private final boolean fails;

    private final Consumer<String> restartAs;

    /** @param restartAs restarts this machine's agent as another version, as a real host's service would */
    public SimulatedUpgradeHook(SimulatedMachine machine, Duration duration, boolean fails, Consumer<String> restartAs) {
        this.restartAs = restartAs;
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

    @Override
    public void installAgent(String version, Path artifact) {
        restartAs.accept(version);
    }
}
