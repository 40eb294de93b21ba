package io.edgefleet.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Reverses {@code install}: stops and removes the service and the configuration; the identity only with --purge. */
@CommandLine.Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Stop and remove this machine's agent service and configuration.")
public class UninstallCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--root", defaultValue = "/", description = "uninstall from this directory instead of the host")
    Path root;

    @CommandLine.Option(names = "--host-os", description = "linux or windows; default: this host's")
    String hostOs;

    @CommandLine.Option(names = "--purge", negatable = false,
            description = "also delete the state: the device's identity, its command ledger and buffered telemetry")
    boolean purge;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HostLayout layout = HostLayout.of(hostOs == null ? HostLayout.thisHost() : hostOs, root);
        ServiceManager.stop(layout, layout.isLiveRoot(), out);
        Files.deleteIfExists(layout.onDisk(layout.serviceFile()));
        Files.deleteIfExists(layout.onDisk(layout.configFile()));
        Path state = layout.onDisk(layout.stateDir());
        if (purge) {
            deleteTree(state);
            out.println("removed the service, the configuration and the state (the device's identity is gone: "
                    + "revoke it in the fleet)");
        } else {
            out.println("removed the service and the configuration; the identity stays in " + layout.stateDir()
                    + " (--purge removes it)");
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
