package io.edgefleet.agent.commands;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a configured executable: {@code <script> kubernetes <version>} or {@code <script> os-image <version>}. */
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

    private void run(String what, String version) throws Exception {
        if (script == null) {
            throw new IllegalStateException("no upgrade hook configured (--upgrade-hook)");
        }
        Process process = new ProcessBuilder(script.toString(), what, version).inheritIO().start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("upgrade hook timed out after " + timeoutMinutes + " min");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("upgrade hook exited with " + process.exitValue());
        }
    }
}
