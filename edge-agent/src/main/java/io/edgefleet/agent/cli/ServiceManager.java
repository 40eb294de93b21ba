package io.edgefleet.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Registers, starts, stops and removes the agent's service with the host's service manager. */
final class ServiceManager {

    private ServiceManager() {
    }

    static void start(HostLayout layout, boolean live, PrintWriter out) throws IOException, InterruptedException {
        if (!live) {
            out.println("service written, not registered (installing into " + layout.root() + ", or --no-start)");
            return;
        }
        if ("linux".equals(layout.os())) {
            run(out, "systemctl", "daemon-reload");
            run(out, "systemctl", "enable", "--now", HostLayout.SERVICE + ".service");
        } else {
            run(out, "winsw", "install", layout.serviceFile());
            run(out, "winsw", "start", layout.serviceFile());
        }
        out.println("service " + HostLayout.SERVICE + " registered and started");
    }

    static void stop(HostLayout layout, boolean live, PrintWriter out) throws IOException, InterruptedException {
        if (!live) {
            return;
        }
        if ("linux".equals(layout.os())) {
            run(out, "systemctl", "disable", "--now", HostLayout.SERVICE + ".service");
        } else {
            run(out, "winsw", "stop", layout.serviceFile());
            run(out, "winsw", "uninstall", layout.serviceFile());
        }
    }

    private static void run(PrintWriter out, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed" + (process.isAlive() ? " (timed out)"
                    : " with exit code " + process.exitValue()));
        }
        out.println("ran: " + String.join(" ", command));
    }
}
