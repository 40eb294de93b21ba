package io.edgefleet.agent.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the agent lives on a host, per host OS. Target paths are the host's own; {@link #onDisk}
 * places them under the root being installed into ({@code /} on the machine itself, a directory
 * for an image or a test).
 *
 * @param os {@code linux} (systemd unit, for hosts running plain k3s) or {@code windows} (a
 *           Windows service, for the product's Windows hosts)
 * @param logs where the operator reads the agent's log
 */
record HostLayout(String os, Path root, String configFile, String stateDir, String serviceFile, String logs) {

    static final String SERVICE = "edgefleet-agent";

    static HostLayout of(String os, Path root) {
        return switch (os) {
            case "linux" -> new HostLayout(os, root, "/etc/edgefleet/agent.yaml", "/var/lib/edgefleet-agent",
                    "/etc/systemd/system/" + SERVICE + ".service", "journalctl -u " + SERVICE + " -f");
            case "windows" -> new HostLayout(os, root, "C:\\ProgramData\\EdgeFleet\\agent.yaml",
                    "C:\\ProgramData\\EdgeFleet\\state", "C:\\ProgramData\\EdgeFleet\\" + SERVICE + ".xml",
                    "C:\\ProgramData\\EdgeFleet\\logs\\" + SERVICE + ".out.log");
            default -> throw new IllegalArgumentException("host OS must be linux or windows, not " + os);
        };
    }

    /** This host's OS family. */
    static String thisHost() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "windows" : "linux";
    }

    boolean isLiveRoot() {
        return isLive(root);
    }

    Path onDisk(String target) {
        return under(root, target);
    }

    /** The file system's own root ({@code /}, {@code C:\}): installing on the machine itself. */
    private static boolean isLive(Path root) {
        return root.toAbsolutePath().normalize().getParent() == null;
    }

    /** {@code target} (a host path, Windows drive letters included) under {@code root}; unchanged under {@code /}. */
    static Path under(Path root, String target) {
        if (root == null || isLive(root)) {
            return Path.of(target);
        }
        String relative = target.replaceFirst("^[A-Za-z]:", "").replace('\\', '/').replaceFirst("^/+", "");
        return root.resolve(relative);
    }
}
