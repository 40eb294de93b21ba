package io.edgefleet.agent.cli;

import io.edgefleet.events.provisioning.DeviceFacts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Facts about the host the agent runs on, as sent at enrollment. */
final class Hosts {

    private Hosts() {
    }

    static String name() throws IOException {
        return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    }

    static DeviceFacts facts(String hostname) {
        Long memoryMb = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024 * 1024) : null;
        Long storageGb;
        try {
            storageGb = Files.getFileStore(Path.of(System.getProperty("user.dir"))).getTotalSpace() / (1024L * 1024 * 1024);
        } catch (IOException | SecurityException unknown) {
            storageGb = null;
        }
        return new DeviceFacts(hostname, System.getProperty("os.name"), System.getProperty("os.version"),
                new DeviceFacts.Hardware(Runtime.getRuntime().availableProcessors(), memoryMb, storageGb), null, null,
                VersionCommand.VERSION);
    }
}
