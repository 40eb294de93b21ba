package io.edgefleet.agent.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;

/** {@code edge-agent install | uninstall | run | status | simulate | version}; {@code --help} on each. */
@TopCommand
@CommandLine.Command(name = "edge-agent", mixinStandardHelpOptions = true,
        subcommands = {InstallCommand.class, UninstallCommand.class, RunCommand.class, StatusCommand.class,
            SimulateCommand.class, VersionCommand.class},
        description = {"The EdgeFleet agent: one per machine, on the machine's host, connecting it and its cluster to the fleet.",
            "Onboard a machine with 'edge-agent install --bundle bundle.json'; see edge-agent/README.md."})
public class EdgeAgentCommand {
}
