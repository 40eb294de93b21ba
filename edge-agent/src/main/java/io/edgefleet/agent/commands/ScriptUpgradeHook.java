package io.edgefleet.agent.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a configured executable: {@code <script> kubernetes <version>}, {@code <script> os-image <version>}
 * or {@code <script> agent <version> <verified artifact>} (installs it, schedules the service's restart, exits).
 */
public class ScriptUpgradeHook implements UpgradeHook {

    private final Path script;
    private final long timeoutMinutes;

    public ScriptUpgradeHook(Path script, long timeoutMinutes) {
        this.script = script;
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public void upgradeKubernetes(String targetVersion) throws Exception {
        run("kubernetes", targetVersion);
    }

    @Override
    public void updateOsImage(String imageVersion) throws Exception {
        run("os-image", imageVersion);
    }

    @Override
    public void installAgent(String version, Path artifact) throws Exception {
        run("agent", version, artifact.toString());
    }

    private void run(String... arguments) throws Exception {
        if (script == null) {
            throw new IllegalStateException("no upgrade hook configured (--upgrade-hook)");
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("upgrade hook timed out after " + timeoutMinutes + " min");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("upgrade hook exited with " + process.exitValue());
        }
    }
}
