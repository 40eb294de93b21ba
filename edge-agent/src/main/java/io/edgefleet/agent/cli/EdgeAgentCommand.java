package io.edgefleet.agent.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;

/** {@code edge-agent run | simulate | version}. */
@TopCommand
@CommandLine.Command(name = "edge-agent", mixinStandardHelpOptions = true,
        subcommands = {RunCommand.class, SimulateCommand.class, VersionCommand.class},
        description = "The EdgeFleet agent for edge Kubernetes clusters, and a simulator of many devices.")
public class EdgeAgentCommand {
}
